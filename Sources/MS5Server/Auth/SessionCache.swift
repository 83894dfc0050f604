import Foundation
import MS5Domain
import Synchronization

/// Remembers, for a few seconds, that a session is live and whose it is, so that a busy client
/// does not cost a database read per request. Sign-out and password changes on this instance
/// take effect at once; on other instances sharing the database, within ``lifetime``.
final class SessionCache: Sendable {
    private struct Entry {
        let user: User
        let cachedUntil: ContinuousClock.Instant
    }

    /// How long an answer of the database is reused.
    let lifetime: Duration
    /// Most sessions remembered; past it the cache starts afresh.
    let capacity: Int
    private let entries = Mutex<[UUID: Entry]>([:])

    init(lifetime: Duration = .seconds(5), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The account of a live session, when known and fresh.
    func user(forSession id: UUID) -> User? {
        entries.withLock { entries in
            guard let entry = entries[id] else { return nil }
            guard entry.cachedUntil > .now else {
                entries[id] = nil
                return nil
            }
            return entry.user
        }
    }

    /// Remembers that the session `id` of `user` is live, for ``lifetime``.
    func remember(_ user: User, forSession id: UUID) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = Entry(user: user, cachedUntil: .now + lifetime)
        }
    }

    /// Forgets one session (signed out or revoked).
    func forget(session id: UUID) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }

    /// Forgets every session of an account (password changed or reset).
    func forget(userId: UUID) {
        entries.withLock { entries in entries = entries.filter { $0.value.user.id != userId } }
    }
}

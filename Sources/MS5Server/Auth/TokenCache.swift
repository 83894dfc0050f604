import Foundation
import MS5Domain
import Synchronization

/// Remembers, for a few seconds, which account a bearer token belongs to, so that a busy client
/// does not cost a database read per request for its token. Sign-out and password changes on
/// this instance take effect at once; on other instances sharing the database, within ``lifetime``.
final class TokenCache: Sendable {
    private struct Entry {
        let user: User
        let expiresAt: Date
        let cachedUntil: ContinuousClock.Instant
    }

    /// How long an answer of the database is reused.
    let lifetime: Duration
    /// Most tokens remembered; past it the cache starts afresh.
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(lifetime: Duration = .seconds(5), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The account of a token hash, when known, fresh and not expired.
    func user(for tokenHash: String, now: Date = Date()) -> User? {
        entries.withLock { entries in
            guard let entry = entries[tokenHash] else { return nil }
            guard entry.cachedUntil > .now, entry.expiresAt > now else {
                entries[tokenHash] = nil
                return nil
            }
            return entry.user
        }
    }

    /// Remembers the account of a token hash until the token expires or the lifetime passes.
    func remember(_ user: User, for tokenHash: String, expiresAt: Date) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[tokenHash] = Entry(user: user, expiresAt: expiresAt, cachedUntil: .now + lifetime)
        }
    }

    /// Forgets one token (signed out).
    func forget(tokenHash: String) {
        _ = entries.withLock { $0.removeValue(forKey: tokenHash) }
    }

    /// Forgets every token of an account (password changed or reset).
    func forget(userId: UUID) {
        entries.withLock { entries in entries = entries.filter { $0.value.user.id != userId } }
    }
}

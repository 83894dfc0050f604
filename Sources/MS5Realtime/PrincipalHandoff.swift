import Synchronization

/// Carries the principal found before the upgrade to the upgraded connection, keyed by request id.
///
/// Entries left behind by upgrades that never completed are dropped after `lifetime`.
final class PrincipalHandoff: Sendable {
    private struct Entry {
        let principal: RealtimePrincipal
        let stored: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(60)) {
        self.lifetime = lifetime
    }

    func store(_ principal: RealtimePrincipal, for requestID: String) {
        let now = ContinuousClock.Instant.now
        entries.withLock { entries in
            if entries.count > 64 {
                entries = entries.filter { now - $0.value.stored < lifetime }
            }
            entries[requestID] = Entry(principal: principal, stored: now)
        }
    }

    func take(for requestID: String) -> RealtimePrincipal? {
        entries.withLock { $0.removeValue(forKey: requestID)?.principal }
    }
}

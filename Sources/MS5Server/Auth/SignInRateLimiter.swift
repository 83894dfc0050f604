import Foundation
import Hummingbird
import Synchronization

/// At most so many sign-in attempts per client address in a sliding window, so that guessing
/// passwords across many accounts from one place is slow; the per-account lockout covers the rest.
final class SignInRateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let clock: @Sendable () -> Date
    private let attempts = Mutex<[String: [Date]]>([:])

    /// Allows `limit` attempts per address in any `window`.
    init(limit: Int = 10, window: Duration = .seconds(60), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.window = window / .seconds(1)
        self.clock = clock
    }

    /// Counts an attempt from `address`, or refuses it with a 429 problem saying when to try again.
    func admit(_ address: String) throws {
        let now = clock()
        let retryAfter: Int? = attempts.withLock { attempts in
            if attempts.count > 10_000 { attempts = attempts.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
            var recent = (attempts[address] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count < limit else {
                attempts[address] = recent
                return max(1, Int((window - now.timeIntervalSince(recent[0])).rounded(.up)))
            }
            recent.append(now)
            attempts[address] = recent
            return nil
        }
        if let retryAfter {
            throw Problem(.tooManyRequests, code: "too-many-sign-ins",
                          detail: "Too many sign-in attempts from this address; try again in \(retryAfter) s.")
        }
    }
}

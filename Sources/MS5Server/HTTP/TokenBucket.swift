import Foundation

/// One client's allowance of requests: it holds up to `capacity` tokens, refills at `rate` tokens
/// a second, and each request takes one. A bucket left alone refills to full, so a full bucket is
/// no different from a new one.
struct TokenBucket: Sendable, Equatable {
    /// The tokens left after the last refill, fractions included.
    private(set) var tokens: Double
    /// When the tokens were last counted.
    private(set) var updatedAt: Date

    /// A full bucket of `capacity` tokens, counted at `date`.
    init(capacity: Double, at date: Date) {
        tokens = capacity
        updatedAt = date
    }

    /// Refills the bucket for the time since it was last counted, then takes a token: nil when
    /// one was there, otherwise the seconds until the next one will be (nothing is taken then).
    mutating func take(at now: Date, rate: Double, capacity: Double) -> TimeInterval? {
        tokens = min(capacity, tokens + max(0, now.timeIntervalSince(updatedAt)) * rate)
        updatedAt = max(updatedAt, now)
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        return (1 - tokens) / rate
    }

    /// Whether the bucket will have refilled completely by `now`: forgetting it changes nothing.
    func isFull(at now: Date, rate: Double, capacity: Double) -> Bool {
        tokens + max(0, now.timeIntervalSince(updatedAt)) * rate >= capacity
    }
}

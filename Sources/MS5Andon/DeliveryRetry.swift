import Foundation

/// When a failed notification is tried again: 5 s after the first attempt, doubling up to 10
/// minutes, and given up after the sixth attempt.
public struct DeliveryRetry: Sendable, Equatable {
    public var firstDelay: Duration
    public var maximumDelay: Duration
    public var maximumAttempts: Int

    /// Creates the schedule.
    public init(firstDelay: Duration = .seconds(5), maximumDelay: Duration = .seconds(600), maximumAttempts: Int = 6) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// When to try again after `attempts` failed attempts, or nil to give up.
    public func retryAt(after attempts: Int, now: Date) -> Date? {
        guard attempts < maximumAttempts else { return nil }
        let delay = min(firstDelay * (1 << min(max(attempts - 1, 0), 20)), maximumDelay)
        return now.addingTimeInterval(delay / .seconds(1))
    }
}

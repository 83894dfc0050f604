import Foundation

extension Backoff {
    /// When to try again after `failures` failures in a row, the last at `now`; nil once the
    /// retries are used up (``retries(afterFailures:)``). For retries kept in a database.
    public func retryAt(afterFailures failures: Int, now: Date) -> Date? {
        guard retries(afterFailures: failures) else { return nil }
        return now.addingTimeInterval(Self.seconds(delay(afterFailures: failures)))
    }
}

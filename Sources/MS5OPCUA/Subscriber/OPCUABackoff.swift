import Foundation

/// Exponential reconnection delay with random jitter.
public struct OPCUABackoff: Sendable, Hashable {
    /// Delay before the first retry.
    public var initial: Duration
    /// Upper bound of the delay.
    public var maximum: Duration
    /// Factor applied after each failed attempt.
    public var multiplier: Double
    /// Relative jitter: the delay is scaled by a random factor in `1 - jitter ... 1 + jitter`.
    public var jitter: Double

    /// Creates a backoff policy.
    public init(initial: Duration = .milliseconds(200), maximum: Duration = .seconds(30), multiplier: Double = 2, jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Delay before retry number `attempt` (starting at 1).
    public func delay(attempt: Int) -> Duration {
        let base = initial.seconds * pow(multiplier, Double(max(attempt - 1, 0)))
        let capped = min(base, maximum.seconds)
        let factor = jitter == 0 ? 1 : Double.random(in: (1 - jitter)...(1 + jitter))
        return .milliseconds(Int64(capped * factor * 1000))
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

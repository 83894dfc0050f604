/// Exponential reconnect delays with random jitter.
public struct BackoffPolicy: Sendable, Equatable {
    /// Delay before the first retry.
    public var initial: Duration
    /// Largest delay.
    public var maximum: Duration
    /// Growth factor per attempt.
    public var multiplier: Double
    /// Relative jitter: the delay is scaled by a random factor in 1 ± jitter.
    public var jitter: Double

    /// Creates a policy.
    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(30), multiplier: Double = 2, jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
    }

    /// Delay before retry number `attempt` (0-based), with jitter drawn from `random` in 0…1.
    public func delay(attempt: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let base = min(initial * pow(multiplier, Double(min(attempt, 60))), maximum)
        return base * (1 - jitter + 2 * jitter * random)
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= base }
        return result
    }
}

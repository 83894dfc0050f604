/// Exponential backoff with jitter between retries of the same batch: by default 0.5 s doubling up
/// to a 60 s cap, each delay multiplied by a random factor in 0.8...1.2.
public struct RetryBackoff: Sendable, Hashable {
    /// The delay before the first retry, before jitter.
    public var initial: Duration
    /// The cap on the delay, before jitter.
    public var maximum: Duration
    /// The growth factor per consecutive failure.
    public var multiplier: Double
    /// The relative jitter: each delay is scaled by a factor drawn uniformly from
    /// `1 - jitter ..< 1 + jitter`.
    public var jitter: Double

    /// Creates a backoff policy.
    public init(
        initial: Duration = .milliseconds(500),
        maximum: Duration = .seconds(60),
        multiplier: Double = 2,
        jitter: Double = 0.2
    ) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(0, jitter), 1)
    }

    /// The delay before retry number `attempt` (0 for the first retry), without jitter.
    public func baseDelay(attempt: Int) -> Duration {
        let initialSeconds = Self.seconds(initial)
        let maximumSeconds = Self.seconds(maximum)
        var seconds = initialSeconds
        for _ in 0..<max(0, attempt) where seconds < maximumSeconds {
            seconds *= multiplier
        }
        return .seconds(min(seconds, maximumSeconds))
    }

    /// The delay before retry number `attempt`, jittered with a factor drawn from `generator`.
    public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let base = Self.seconds(baseDelay(attempt: attempt))
        guard jitter > 0 else { return .seconds(base) }
        let factor = Double.random(in: (1 - jitter)..<(1 + jitter), using: &generator)
        return .seconds(base * factor)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

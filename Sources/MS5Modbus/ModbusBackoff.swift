/// Exponential backoff with jitter for reconnecting. Pure.
public struct ModbusBackoff: Sendable, Hashable {
    /// Delay before the first retry.
    public var initial: Duration
    /// Upper bound of any delay.
    public var maximum: Duration
    /// Growth factor per failed attempt.
    public var multiplier: Double
    /// Relative spread: 0.2 gives delays within ±20 % of the nominal one.
    public var jitter: Double

    /// Creates a backoff; the defaults are 250 ms doubling up to 30 s with ±20 % jitter.
    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(30), multiplier: Double = 2, jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay before retry number `attempt` (0 for the first), rounded to the microsecond.
    ///
    /// - Parameter unitRandom: a number in `0..<1`; 0.5 gives the nominal delay.
    public func delay(attempt: Int, unitRandom: Double) -> Duration {
        let maximumSeconds = maximum.seconds
        let nominal = min(initial.seconds * pow(multiplier, attempt), maximumSeconds)
        let spread = 1 + jitter * (2 * unitRandom - 1)
        let seconds = min(max(nominal * spread, 0), maximumSeconds)
        return .microseconds(Int64((seconds * 1e6).rounded()))
    }

    /// The delay before retry number `attempt`, with fresh randomness.
    public func delay(attempt: Int) -> Duration {
        delay(attempt: attempt, unitRandom: Double.random(in: 0..<1))
    }

    private func pow(_ base: Double, _ exponent: Int) -> Double {
        (0..<min(exponent, 64)).reduce(1) { product, _ in product * base }
    }
}

/// How long to wait before trying again after failures in a row, the one retry schedule of MS5:
/// protocol clients reconnecting, the edge resending a batch, Andon notifications, outbox
/// consumers, workflow timers.
///
/// The wait after the first failure is ``initial``; each further failure multiplies it by
/// ``multiplier`` up to ``maximum``. ``jitter`` then spreads it by a random factor in
/// `1 - jitter ... 1 + jitter`, so that many clients restarted together do not retry in
/// lockstep. With ``maximumRetries`` set, the caller gives up after that many retries.
public struct Backoff: Sendable, Hashable {
    /// The wait after the first failure, before jitter.
    public var initial: Duration
    /// The longest wait, before jitter.
    public var maximum: Duration
    /// The growth per further failure in a row (at least 1).
    public var multiplier: Double
    /// The relative spread, 0 ... 1: 0.2 gives waits within ±20 % of the nominal one.
    public var jitter: Double
    /// Retries after which the caller gives up; nil retries for ever.
    public var maximumRetries: Int?

    /// Creates a schedule; by default doubling, without jitter, retrying for ever.
    public init(initial: Duration, maximum: Duration, multiplier: Double = 2, jitter: Double = 0, maximumRetries: Int? = nil) {
        self.initial = initial
        self.maximum = max(initial, maximum)
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(jitter, 0), 1)
        self.maximumRetries = maximumRetries
    }

    /// The wait after `failures` failures in a row (1 for the first), without jitter.
    public func nominalDelay(afterFailures failures: Int) -> Duration {
        let maximumSeconds = Self.seconds(maximum)
        var seconds = Self.seconds(initial)
        for _ in 1..<max(1, failures) where seconds < maximumSeconds {
            seconds *= multiplier
        }
        return Self.duration(min(seconds, maximumSeconds))
    }

    /// The wait after `failures` failures in a row, spread by `unitRandom` in `0 ... 1`
    /// (0.5 gives the nominal wait, 0 the shortest, 1 the longest).
    public func delay(afterFailures failures: Int, unitRandom: Double) -> Duration {
        let nominal = Self.seconds(nominalDelay(afterFailures: failures))
        let factor = 1 + jitter * (2 * min(max(unitRandom, 0), 1) - 1)
        return Self.duration(nominal * factor)
    }

    /// The wait after `failures` failures in a row, spread with fresh randomness.
    public func delay(afterFailures failures: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterFailures: failures, using: &generator)
    }

    /// The wait after `failures` failures in a row, spread with a number drawn from `generator`
    /// (a seeded generator makes the waits repeatable).
    public func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        guard jitter > 0 else { return nominalDelay(afterFailures: failures) }
        return delay(afterFailures: failures, unitRandom: Double.random(in: 0...1, using: &generator))
    }

    /// Whether to try again after `failures` failures in a row: always without
    /// ``maximumRetries``, else while the retries made (`failures - 1`) are fewer than it.
    public func retries(afterFailures failures: Int) -> Bool {
        guard let maximumRetries else { return true }
        return failures <= maximumRetries
    }

    /// `duration` in seconds (MS5Retry depends on no other module, so it does not use
    /// MS5Domain's `Duration.seconds`).
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// `seconds` as a duration, to the nanosecond.
    static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((max(seconds, 0) * 1e9).rounded()))
    }
}

import Foundation

/// Exponential backoff with jitter between reconnection attempts.
///
/// The delay before attempt `n` (1-based) is `initialDelay * multiplier^(n-1)`, capped at
/// `maximumDelay`, then spread by up to ±`jitter` of itself so that many clients restarted
/// together do not reconnect in lockstep.
public struct MQTTReconnectPolicy: Sendable, Hashable {
    /// Delay before the first reconnection attempt.
    public var initialDelay: Duration
    /// Upper bound for the un-jittered delay.
    public var maximumDelay: Duration
    /// Growth factor per failed attempt (at least 1).
    public var multiplier: Double
    /// Fraction (0...1) of the delay by which it is randomly lengthened or shortened.
    public var jitter: Double
    /// Attempts after which the client gives up; `nil` retries forever.
    public var maximumAttempts: Int?

    /// Creates a policy; the defaults retry forever starting at 100 ms and capping at 30 s.
    public init(
        initialDelay: Duration = .milliseconds(100),
        maximumDelay: Duration = .seconds(30),
        multiplier: Double = 2,
        jitter: Double = 0.2,
        maximumAttempts: Int? = nil
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(jitter, 0), 1)
        self.maximumAttempts = maximumAttempts
    }

    /// The delay before reconnection attempt `attempt` (1-based).
    /// - Parameter unitRandom: a number in `0...1`; 0.5 means no jitter. Injected to keep this pure.
    public func delay(beforeAttempt attempt: Int, unitRandom: Double) -> Duration {
        let initial = initialDelay.seconds
        let grown = initial * pow(multiplier, Double(max(attempt, 1) - 1))
        let capped = min(grown, maximumDelay.seconds)
        let spread = capped * jitter * (min(max(unitRandom, 0), 1) * 2 - 1)
        return .milliseconds(Int64(((capped + spread) * 1000).rounded()))
    }

    /// The delay before attempt `attempt`, with a fresh random jitter.
    public func delay(beforeAttempt attempt: Int) -> Duration {
        delay(beforeAttempt: attempt, unitRandom: Double.random(in: 0...1))
    }
}

extension Duration {
    /// The duration as floating-point seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

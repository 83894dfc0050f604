import Foundation
import MS5Domain

/// What one round of firing due timers did: the timers this ms5 instance fired (their effects
/// committed with them), and those whose handler failed, left waiting for a later attempt.
public struct TimerRound: Sendable, Equatable {
    /// A timer whose handler failed: its effects rolled back and it waits for another attempt.
    public struct Failure: Sendable, Equatable {
        /// The timer, still waiting.
        public var timer: DurableTimer
        /// How many attempts have failed so far.
        public var attempts: Int
        /// What went wrong, as the handler's error said it.
        public var error: String
        /// When the next attempt is made.
        public var retryAt: Date
    }

    /// The timers fired, in the order they fired.
    public var fired: [DurableTimer]
    /// The timers whose handler failed.
    public var failed: [Failure]

    /// Creates a round's outcome.
    public init(fired: [DurableTimer] = [], failed: [Failure] = []) {
        self.fired = fired
        self.failed = failed
    }
}

import Foundation
import MS5Domain

/// What one round of delivering signals did: the waits this ms5 instance delivered (their
/// handlers' effects committed with them), and those whose handler failed, left for a later
/// attempt.
public struct SignalRound: Sendable, Equatable {
    /// A wait whose handler failed: its effects rolled back and it waits for another attempt.
    public struct Failure: Sendable, Equatable {
        /// The wait, with its signal, not delivered.
        public var wait: SignalWait
        /// How many attempts have failed so far.
        public var attempts: Int
        /// What went wrong, as the handler's error said it.
        public var error: String
        /// When the next attempt is made.
        public var retryAt: Date
    }

    /// The waits delivered, in the order they were.
    public var delivered: [SignalWait]
    /// The waits whose handler failed.
    public var failed: [Failure]

    /// Creates a round's outcome.
    public init(delivered: [SignalWait] = [], failed: [Failure] = []) {
        self.delivered = delivered
        self.failed = failed
    }
}

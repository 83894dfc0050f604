import MS5Domain
import MS5Storage

/// What one round of the workflow engine did: the timers it fired or failed to, the signals it
/// delivered or failed to, and the tasks it escalated.
public struct WorkflowRound: Sendable, Equatable {
    /// The timers fired and failed.
    public var timers: TimerRound
    /// The signals delivered and failed.
    public var signals: SignalRound
    /// The escalations of overdue tasks.
    public var escalations: [HumanTaskEvent]

    /// Creates a round's outcome.
    public init(timers: TimerRound = TimerRound(), signals: SignalRound = SignalRound(), escalations: [HumanTaskEvent] = []) {
        self.timers = timers
        self.signals = signals
        self.escalations = escalations
    }
}

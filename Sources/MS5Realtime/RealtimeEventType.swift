/// The kind of an event, sent to clients as the `event` field (`state`, `values`, `fault`, …).
///
/// Open-ended: MS5 may use any string; the common ones have named constants.
public struct RealtimeEventType: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The wire string.
    public let rawValue: String

    /// Wraps a wire string.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a string literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// A machine state change.
    public static let state: RealtimeEventType = "state"
    /// Latest metric values.
    public static let values: RealtimeEventType = "values"
    /// A fault raised or cleared.
    public static let fault: RealtimeEventType = "fault"
    /// A stop started or ended.
    public static let stop: RealtimeEventType = "stop"
    /// A production count.
    public static let count: RealtimeEventType = "count"
    /// An OEE update.
    public static let oee: RealtimeEventType = "oee"
    /// An Andon call change.
    public static let andon: RealtimeEventType = "andon"
    /// A step of a floor task (opened, claimed, completed, escalated, …).
    public static let task: RealtimeEventType = "task"
    /// A signal delivered to a workflow instance (a machine event, a count, a person's signal).
    public static let workflowSignal: RealtimeEventType = "workflow-signal"
}

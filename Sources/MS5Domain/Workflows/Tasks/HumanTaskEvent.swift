import Foundation

/// A step in a human task's life, as the outbox publishes it (`workflow.task.claimed.v1`, …):
/// the task as it is after the step, who took the step, and for an escalation who is told now.
public struct HumanTaskEvent: Codable, Sendable, Equatable {
    /// Which step.
    public enum Kind: String, ClosedSet, Equatable, Hashable {
        case opened
        case claimed
        case released
        case completed
        case cancelled
        case reassigned
        case escalated
    }

    /// The step taken.
    public var kind: Kind
    /// The task after the step.
    public var task: HumanTask
    /// Who took the step: a username, or `system` for the workflow engine.
    public var actor: String
    /// The people of the levels newly reached, for escalations only.
    public var notify: [TaskAssignee]?

    /// Creates the event.
    public init(kind: Kind, task: HumanTask, actor: String, notify: [TaskAssignee]? = nil) {
        self.kind = kind
        self.task = task
        self.actor = actor
        self.notify = notify
    }
}

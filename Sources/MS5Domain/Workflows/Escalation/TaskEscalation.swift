import Foundation

/// What escalating an overdue task at one instant comes to: the task at its new level, who to
/// tell now, and when to look again.
public struct TaskEscalation: Sendable, Equatable {
    /// The task with its new ``HumanTask/escalationLevel`` (its revision unchanged).
    public var task: HumanTask
    /// The people of every level newly reached, in level order, each once.
    public var notify: [TaskAssignee]
    /// When the task reaches its next level, or nil at the last one.
    public var nextEscalationAt: Date?

    /// Creates the outcome.
    public init(task: HumanTask, notify: [TaskAssignee], nextEscalationAt: Date?) {
        self.task = task
        self.notify = notify
        self.nextEscalationAt = nextEscalationAt
    }
}

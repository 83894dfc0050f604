/// One level of a task escalation chain: who is told once a task has been overdue this long.
public struct TaskEscalationLevel: Codable, Sendable, Equatable {
    /// Seconds past the due date (elapsed time) at which the task reaches this level; 0 tells
    /// the level's people the moment the task falls due.
    public var overdueSeconds: Int
    /// Who is told, and sees the task among their escalated ones.
    public var notify: [TaskAssignee]

    /// Creates a level.
    public init(overdueSeconds: Int, notify: [TaskAssignee]) {
        self.overdueSeconds = overdueSeconds
        self.notify = notify
    }
}

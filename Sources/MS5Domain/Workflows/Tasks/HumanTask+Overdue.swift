import Foundation

/// Which tasks are overdue: what the escalation chain acts on and what boards show.
extension HumanTask {
    /// Whether the task is still open or claimed and its due date has come at `now`; a task due
    /// at 14:00 is overdue from 14:00 on, as a shift that ends at 14:00 is over then.
    public func isOverdue(at now: Date) -> Bool {
        overdueTime(at: now) != nil
    }

    /// Seconds since the due date at `now`, or nil when the task is not overdue then.
    public func overdueTime(at now: Date) -> TimeInterval? {
        guard status.isActive, let dueAt, now >= dueAt else { return nil }
        return now.timeIntervalSince(dueAt)
    }

    /// The tasks of `tasks` overdue at `now`, the longest overdue first, then the more urgent
    /// priority, then by id so that the order is stable.
    public static func overdue(_ tasks: some Sequence<HumanTask>, at now: Date) -> [HumanTask] {
        tasks.filter { $0.isOverdue(at: now) }.sorted { lhs, rhs in
            if lhs.dueAt != rhs.dueAt { return (lhs.dueAt ?? now) < (rhs.dueAt ?? now) }
            if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
            return lhs.id.uuidString < rhs.id.uuidString
        }
    }
}

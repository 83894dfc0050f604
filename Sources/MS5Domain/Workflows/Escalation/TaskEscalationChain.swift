import Foundation

/// How overdue human tasks escalate: each level tells more people once the task has been
/// overdue for that level's time, counted in elapsed seconds from the due date (so a clock
/// change does not move an escalation).
///
/// A task's ``HumanTask/escalationLevel`` counts the levels it has reached. The engine keeps
/// ``nextEscalationAt(for:)`` with the task as its durable timer and, when that time comes,
/// applies ``escalation(of:at:)``. Levels missed while the engine was down are all reached at once,
/// and all their people told: a supervisor who should have heard first still hears.
public struct TaskEscalationChain: Codable, Sendable, Equatable {
    /// Most levels a chain may have.
    public static let maximumLevels = 10
    /// Longest overdue time a level may wait for, in seconds: a year.
    public static let maximumOverdueSeconds = 366 * 86_400

    /// The levels, in the order they are reached.
    public var levels: [TaskEscalationLevel]

    /// Creates a chain; ``validate()`` checks it.
    public init(levels: [TaskEscalationLevel]) {
        self.levels = levels
    }

    /// Refuses a chain with every field at fault: 1 to 10 levels, each naming someone, with
    /// overdue times from 0 s to a year that increase from level to level.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check((1...Self.maximumLevels).contains(levels.count), "levels", "must have 1 to \(Self.maximumLevels) levels")
        for (index, level) in levels.enumerated() {
            let field = "levels/\(index)"
            v.check(
                (0...Self.maximumOverdueSeconds).contains(level.overdueSeconds), "\(field)/overdueSeconds",
                "must be 0 to \(Self.maximumOverdueSeconds) seconds")
            if index > 0 {
                v.check(
                    level.overdueSeconds > levels[index - 1].overdueSeconds, "\(field)/overdueSeconds",
                    "must be later than the level before")
            }
            v.check(!level.notify.isEmpty, "\(field)/notify", "must name at least one user, role or team")
            for (position, recipient) in level.notify.enumerated() {
                recipient.check(&v, field: "\(field)/notify/\(position)")
            }
        }
        try v.finish()
    }

    /// When `task` reaches its next level: nil when it is completed or cancelled, has no due
    /// date, or has reached the last level.
    public func nextEscalationAt(for task: HumanTask) -> Date? {
        guard task.status.isActive, let dueAt = task.dueAt, levels.indices.contains(task.escalationLevel) else { return nil }
        return dueAt.addingTimeInterval(TimeInterval(levels[task.escalationLevel].overdueSeconds))
    }

    /// The escalation of `task` at `now`: the levels it has newly reached and their people, or
    /// nil when it reaches no new level then.
    public func escalation(of task: HumanTask, at now: Date) -> TaskEscalation? {
        guard task.status.isActive, let dueAt = task.dueAt else { return nil }
        let overdue = now.timeIntervalSince(dueAt)
        var reached = task.escalationLevel
        while levels.indices.contains(reached), TimeInterval(levels[reached].overdueSeconds) <= overdue {
            reached += 1
        }
        guard reached > task.escalationLevel else { return nil }
        var notify: [TaskAssignee] = []
        for recipient in levels[task.escalationLevel..<reached].flatMap(\.notify) where !notify.contains(recipient) {
            notify.append(recipient)
        }
        var escalated = task
        escalated.escalationLevel = reached
        escalated.updatedAt = now
        return TaskEscalation(task: escalated, notify: notify, nextEscalationAt: nextEscalationAt(for: escalated))
    }
}

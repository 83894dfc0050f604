import Foundation
import MS5Domain
import SQLKit

/// Escalating overdue tasks by their chains.
extension HumanTaskStore {
    /// Moves every task whose next escalation has come to the levels it has reached, records who
    /// each level told, and announces it (`workflow.task.escalated.v1`, with whom to notify);
    /// answers the escalations this instance made.
    ///
    /// Each escalation is a compare-and-set on the task's level in a transaction of its own, so
    /// with several ms5 instances on one database exactly one of them escalates a task to a level.
    /// A task that needs no more escalating (closed meanwhile, or at its last level) has its timer
    /// dropped.
    public func escalateDue(limit: Int = 100) async throws -> [HumanTaskEvent] {
        let now = clock()
        let due = try await database.read { db in
            try await db.select().column("*").from("human_tasks").where("next_escalation_at", .lessThanOrEqual, SQLBind(now))
                .orderBy("next_escalation_at").orderBy("id").limit(limit).all().map(HumanTaskRows.stored)
        }
        var events: [HumanTaskEvent] = []
        for stored in due {
            if let event = try await escalate(stored, at: now) { events.append(event) }
        }
        return events
    }

    private func escalate(_ seen: HumanTaskRows.Stored, at now: Date) async throws -> HumanTaskEvent? {
        try await database.transaction { db -> HumanTaskEvent? in
            let current = try await HumanTaskRows.require(db, id: seen.task.id, lock: true)
            let level = current.task.escalationLevel
            guard level == seen.task.escalationLevel else { return nil }
            guard let chain = current.chain, let escalation = chain.escalation(of: current.task, at: now) else {
                try await db.update("human_tasks").set("next_escalation_at", to: SQLLiteral.null)
                    .where("id", .equal, SQLBind(current.task.id)).where("escalation_level", .equal, SQLBind(level)).run()
                return nil
            }
            let rows = try await db.update("human_tasks")
                .set("escalation_level", to: SQLBind(escalation.task.escalationLevel))
                .set("next_escalation_at", to: SQLBind(escalation.nextEscalationAt)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(current.task.id)).where("escalation_level", .equal, SQLBind(level))
                .where("status", .in, [HumanTaskStatus.open.rawValue, HumanTaskStatus.claimed.rawValue])
                .returning("*").all()
            guard let row = rows.first else { return nil }
            let escalated = try HumanTaskRows.task(row)
            var told = db.insert(into: "human_task_escalations").columns("task_id", "level", "recipient", "escalated_at")
            for reached in level..<escalated.escalationLevel {
                for recipient in Set(chain.levels[reached].notify.map(HumanTaskAssignees.key)).sorted() {
                    told = told.values(SQLBind(escalated.id), SQLBind(reached + 1), SQLBind(recipient), SQLBind(now))
                }
            }
            try await told.run()
            let event = HumanTaskEvent(kind: .escalated, task: escalated, actor: AuditContext.current.actor, notify: escalation.notify)
            try await HumanTaskHistory.record(db, event, before: current.task)
            return event
        }
    }
}

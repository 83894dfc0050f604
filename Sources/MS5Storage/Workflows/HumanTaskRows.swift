import Foundation
import MS5Domain
import SQLKit

/// How a human task is kept in `human_tasks`: a column per field, the assignee as its
/// `user:`/`role:`/`team:` text, the priority as its number, and beside the task its escalation
/// chain (JSON) and the time its next level falls due.
enum HumanTaskRows {
    /// A task with what the engine keeps beside it to escalate it.
    struct Stored: Sendable {
        var task: HumanTask
        var chain: TaskEscalationChain?
        var nextEscalationAt: Date?
    }

    /// The stored task `id`, or not found; with `lock`, its row is held until the transaction ends
    /// (`FOR UPDATE` on PostgreSQL; SQLite's writers take turns anyway), so that a change and an
    /// escalation of one task never interleave.
    static func require(_ db: any SQLDatabase, id: UUID, lock: Bool = false) async throws -> Stored {
        var query = db.select().column("*").from("human_tasks").where("id", .equal, SQLBind(id))
        if lock { query = query.for(.update) }
        guard let row = try await query.first() else {
            throw DomainError.notFound("task", id: id)
        }
        return try stored(row)
    }

    /// Inserts a new task.
    static func insert(_ db: any SQLDatabase, _ stored: Stored) async throws {
        let task = stored.task
        try await db.insert(into: "human_tasks")
            .columns(
                "id", "workflow_instance_id", "site_id", "line_id", "type", "title", "assignee", "priority", "due_at", "status",
                "escalation_level", "escalation_chain", "next_escalation_at", "revision", "requires_signature", "created_at", "updated_at")
            .values(
                SQLBind(task.id), SQLBind(task.workflowInstanceId), SQLBind(task.siteId), SQLBind(task.lineId), SQLBind(task.type),
                SQLBind(task.title), SQLBind(task.assignee.recipient), SQLBind(task.priority.rawValue), SQLBind(task.dueAt),
                SQLBind(task.status.rawValue), SQLBind(task.escalationLevel), SQLBind(try stored.chain.map(text)),
                SQLBind(stored.nextEscalationAt), SQLBind(task.revision), SQLBind(task.requiresSignature), SQLBind(task.createdAt),
                SQLBind(task.updatedAt))
            .run()
    }

    /// Writes what a person's change (or the engine's cancellation) moves — assignee, status, claim,
    /// completion, cancellation, revision — if the row is still at `revision`, leaving the
    /// escalation to the escalator; a closed task's next escalation is dropped. Answers the row as
    /// it is now, or nil when another change came first.
    static func update(_ db: any SQLDatabase, _ task: HumanTask, from revision: Int) async throws -> Stored? {
        var update = db.update("human_tasks")
            .set("assignee", to: SQLBind(task.assignee.recipient)).set("status", to: SQLBind(task.status.rawValue))
            .set("claimed_by", to: SQLBind(task.claimedBy)).set("claimed_at", to: SQLBind(task.claimedAt))
            .set("completed_by", to: SQLBind(task.completedBy)).set("completed_at", to: SQLBind(task.completedAt))
            .set("completion_signature_id", to: SQLBind(task.completionSignatureId))
            .set("cancelled_by", to: SQLBind(task.cancelledBy)).set("cancelled_at", to: SQLBind(task.cancelledAt))
            .set("cancellation_reason", to: SQLBind(task.cancellationReason))
            .set("revision", to: SQLBind(task.revision)).set("updated_at", to: SQLBind(task.updatedAt))
        if !task.status.isActive { update = update.set("next_escalation_at", to: SQLLiteral.null) }
        let rows = try await update.where("id", .equal, SQLBind(task.id)).where("revision", .equal, SQLBind(revision))
            .returning("*").all()
        return try rows.first.map(stored)
    }

    /// The stored task in a row read with `*`.
    static func stored(_ row: any SQLRow) throws -> Stored {
        let chain = try row.decode(column: "escalation_chain", as: String?.self)
            .map { try JSONDecoder().decode(TaskEscalationChain.self, from: Data($0.utf8)) }
        return Stored(task: try task(row), chain: chain, nextEscalationAt: try row.decode(column: "next_escalation_at", as: Date?.self))
    }

    /// The task in a row read with `*`.
    static func task(_ row: any SQLRow) throws -> HumanTask {
        let id = try row.decode(column: "id", as: UUID.self)
        let assigneeText = try row.decode(column: "assignee", as: String.self)
        let priorityNumber = try row.decode(column: "priority", as: Int.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let assignee = TaskAssignee(recipient: assigneeText), let priority = TaskPriority(rawValue: priorityNumber),
              let status = HumanTaskStatus(rawValue: statusText)
        else {
            throw StorageError(
                .corrupt, "The task \(id) has an assignee (\(assigneeText)), priority (\(priorityNumber)) or status (\(statusText)) MS5 does not write.")
        }
        return HumanTask(
            id: id, workflowInstanceId: try row.decode(column: "workflow_instance_id", as: UUID.self),
            siteId: try row.decode(column: "site_id", as: UUID.self), lineId: try row.decode(column: "line_id", as: UUID?.self),
            type: try row.decode(column: "type", as: String.self), title: try row.decode(column: "title", as: String.self),
            assignee: assignee, priority: priority, dueAt: try row.decode(column: "due_at", as: Date?.self), status: status,
            claimedBy: try row.decode(column: "claimed_by", as: String?.self), claimedAt: try row.decode(column: "claimed_at", as: Date?.self),
            completedBy: try row.decode(column: "completed_by", as: String?.self),
            completedAt: try row.decode(column: "completed_at", as: Date?.self),
            completionSignatureId: try row.decode(column: "completion_signature_id", as: UUID?.self),
            cancelledBy: try row.decode(column: "cancelled_by", as: String?.self),
            cancelledAt: try row.decode(column: "cancelled_at", as: Date?.self),
            cancellationReason: try row.decode(column: "cancellation_reason", as: String?.self),
            escalationLevel: try row.decode(column: "escalation_level", as: Int.self), revision: try row.decode(column: "revision", as: Int.self),
            requiresSignature: try row.decode(column: "requires_signature", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    private static func text(_ chain: TaskEscalationChain) throws -> String {
        String(decoding: try JSONEncoder().encode(chain), as: UTF8.self)
    }
}

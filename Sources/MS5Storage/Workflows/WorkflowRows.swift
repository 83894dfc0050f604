import Foundation
import MS5Domain
import SQLKit

/// How workflow instances and durable timers are kept in `workflow_instances` and `workflow_timers`.
enum WorkflowRows {
    /// The instance `id`, or not found.
    static func instance(_ db: any SQLDatabase, id: UUID) async throws -> WorkflowInstance {
        guard let row = try await db.select().column("*").from("workflow_instances").where("id", .equal, SQLBind(id)).first() else {
            throw DomainError.notFound("workflow instance", id: id)
        }
        return try instance(row)
    }

    /// Inserts a new instance.
    static func insert(_ db: any SQLDatabase, _ instance: WorkflowInstance) async throws {
        try await db.insert(into: "workflow_instances")
            .columns(
                "id", "definition_name", "definition_version", "status", "current_step", "subject_type", "subject_id", "started_at",
                "updated_at")
            .values(
                SQLBind(instance.id), SQLBind(instance.definition.name), SQLBind(instance.definition.version),
                SQLBind(instance.status.rawValue), SQLBind(instance.currentStep), SQLBind(instance.subject.recordType),
                SQLBind(instance.subject.recordId), SQLBind(instance.startedAt), SQLBind(instance.updatedAt))
            .run()
    }

    /// Writes the instance's step and status if it is still running at the step `step`; answers
    /// whether it was.
    static func update(_ db: any SQLDatabase, _ instance: WorkflowInstance, fromStep step: String) async throws -> Bool {
        let rows = try await db.update("workflow_instances")
            .set("status", to: SQLBind(instance.status.rawValue)).set("current_step", to: SQLBind(instance.currentStep))
            .set("updated_at", to: SQLBind(instance.updatedAt))
            .where("id", .equal, SQLBind(instance.id)).where("status", .equal, SQLBind(WorkflowStatus.running.rawValue))
            .where("current_step", .equal, SQLBind(step))
            .returning("id").all()
        return !rows.isEmpty
    }

    /// The instance in a row read with `*`.
    static func instance(_ row: any SQLRow) throws -> WorkflowInstance {
        let id = try row.decode(column: "id", as: UUID.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let status = WorkflowStatus(rawValue: statusText) else {
            throw StorageError(.corrupt, "The workflow instance \(id) has a status MS5 does not write: \(statusText).")
        }
        return WorkflowInstance(
            id: id,
            definition: WorkflowDefinition(
                name: try row.decode(column: "definition_name", as: String.self),
                version: try row.decode(column: "definition_version", as: Int.self)),
            status: status, currentStep: try row.decode(column: "current_step", as: String.self),
            subject: WorkflowSubject(
                recordType: try row.decode(column: "subject_type", as: String.self),
                recordId: try row.decode(column: "subject_id", as: String.self)),
            startedAt: try row.decode(column: "started_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// Inserts a waiting timer, due for its first attempt at its time.
    static func insert(_ db: any SQLDatabase, _ timer: DurableTimer) async throws {
        try await db.insert(into: "workflow_timers")
            .columns("id", "instance_id", "purpose", "fire_at", "next_attempt_at", "attempts")
            .values(
                SQLBind(timer.id), SQLBind(timer.instanceId), SQLBind(timer.purpose), SQLBind(timer.fireAt), SQLBind(timer.fireAt),
                SQLBind(0))
            .run()
    }

    /// The timer in a row read with `*`.
    static func timer(_ row: any SQLRow) throws -> DurableTimer {
        DurableTimer(
            id: try row.decode(column: "id", as: UUID.self), instanceId: try row.decode(column: "instance_id", as: UUID.self),
            purpose: try row.decode(column: "purpose", as: String.self), fireAt: try row.decode(column: "fire_at", as: Date.self),
            firedAt: try row.decode(column: "fired_at", as: Date?.self))
    }
}

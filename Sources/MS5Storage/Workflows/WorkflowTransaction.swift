import Foundation
import MS5Domain
import SQLKit

/// The workflow engine's side of one database transaction: starting, moving and ending
/// instances, setting and cancelling their durable timers, opening and cancelling their human
/// tasks. What is done through it commits together — with the firing of the timer whose handler
/// did it — or not at all. Every change goes to the audit ledger as `system` unless the caller
/// bound someone (``AuditContext``).
public struct WorkflowTransaction: Sendable {
    let db: any SQLDatabase
    /// The time the transaction acts at.
    public let now: Date

    init(db: any SQLDatabase, now: Date) {
        self.db = db
        self.now = now
    }

    /// Starts an instance of `definition` about `subject` at `firstStep`; it keeps this
    /// definition and version to its end.
    ///
    /// Fails with `invalid` naming the fields at fault (``WorkflowInstance/started(id:definition:firstStep:subject:at:)``).
    public func start(_ definition: WorkflowDefinition, firstStep: String, subject: WorkflowSubject) async throws -> WorkflowInstance {
        let instance = try WorkflowInstance.started(id: UUID(), definition: definition, firstStep: firstStep, subject: subject, at: now)
        try await WorkflowRows.insert(db, instance)
        try await audit("start", before: nil, after: instance)
        return instance
    }

    /// The instance `id`.
    public func instance(_ id: UUID) async throws -> WorkflowInstance {
        try await WorkflowRows.instance(db, id: id)
    }

    /// The running instance of the workflow `name` about `subject`, or nil when none runs.
    public func running(_ name: String, about subject: WorkflowSubject) async throws -> WorkflowInstance? {
        try await db.select().column("*").from("workflow_instances")
            .where("subject_type", .equal, SQLBind(subject.recordType)).where("subject_id", .equal, SQLBind(subject.recordId))
            .where("definition_name", .equal, SQLBind(name)).where("status", .equal, SQLBind(WorkflowStatus.running.rawValue))
            .first().map(WorkflowRows.instance)
    }

    /// Moves the instance `id` on to `step`.
    ///
    /// Fails with `conflict` when it has ended or another transaction moved it first.
    public func advance(_ id: UUID, to step: String) async throws -> WorkflowInstance {
        let before = try await instance(id)
        let after = try before.advanced(to: step, at: now)
        try await save(after, before: before, action: "advance")
        return after
    }

    /// Ends the instance `id` as `status` and cancels its waiting timers and signal waits, so
    /// that none of them fires or is delivered for an instance that has ended.
    ///
    /// Fails with `conflict` when it has already ended, and with `invalid` when `status` is running.
    public func finish(_ id: UUID, as status: WorkflowStatus) async throws -> WorkflowInstance {
        let before = try await instance(id)
        let after = try before.finished(as: status, at: now)
        try await save(after, before: before, action: "finish")
        try await cancelTimers(of: id)
        try await cancelSignalWaits(of: id)
        return after
    }

    /// Sets a timer of the running instance `instanceId` for `purpose` at `fireAt`.
    ///
    /// Fails with `invalid` (`/purpose`) when the purpose is not a key, and with `conflict` when the
    /// instance has ended.
    public func schedule(_ purpose: String, at fireAt: Date, for instanceId: UUID) async throws -> DurableTimer {
        let timer = try DurableTimer.scheduled(id: UUID(), instanceId: instanceId, purpose: purpose, fireAt: fireAt)
        try await requireRunning(instanceId)
        try await WorkflowRows.insert(db, timer)
        try await AuditLedger.record(
            db, action: "schedule", recordType: "workflow timer", recordId: timer.id.uuidString.lowercased(), before: DurableTimer?.none,
            after: timer)
        return timer
    }

    /// Cancels the waiting timers of the instance `instanceId`, only those for `purpose` when
    /// given; answers how many it cancelled.
    @discardableResult
    public func cancelTimers(of instanceId: UUID, purpose: String? = nil) async throws -> Int {
        var update = db.update("workflow_timers").set("cancelled_at", to: SQLBind(now))
            .where("instance_id", .equal, SQLBind(instanceId)).where("fired_at", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
        if let purpose { update = update.where("purpose", .equal, SQLBind(purpose)) }
        let cancelled = try await update.returning("*").all().map(WorkflowRows.timer)
        for timer in cancelled {
            try await AuditLedger.record(
                db, action: "cancel", recordType: "workflow timer", recordId: timer.id.uuidString.lowercased(), before: timer,
                after: DurableTimer?.none)
        }
        return cancelled.count
    }

    /// Refuses work for an instance that has ended, or does not exist.
    func requireRunning(_ instanceId: UUID) async throws {
        let instance = try await instance(instanceId)
        guard instance.status == .running else {
            throw DomainError(.conflict, "The workflow instance \(instanceId) has ended (\(instance.status.rawValue)); it takes no more timers or tasks.")
        }
    }

    private func save(_ after: WorkflowInstance, before: WorkflowInstance, action: String) async throws {
        guard try await WorkflowRows.update(db, after, fromStep: before.currentStep) else {
            throw DomainError(.conflict, "The workflow instance \(after.id) moved on meanwhile; read it again.")
        }
        try await audit(action, before: before, after: after)
    }

    private func audit(_ action: String, before: WorkflowInstance?, after: WorkflowInstance) async throws {
        try await AuditLedger.record(
            db, action: action, recordType: "workflow instance", recordId: after.id.uuidString.lowercased(), before: before, after: after)
    }
}

import Foundation
import MS5Domain
import SQLKit

/// The human tasks of workflow instances, as the engine opens and withdraws them.
extension WorkflowTransaction {
    /// Opens a task of the running instance `instanceId`, due by its priority on its line's
    /// shifts (or its site's days) in its site's time zone, escalating by `input.escalation`.
    ///
    /// Fails with `invalid` naming the fields at fault (those of the input, a line or site that
    /// does not exist, a user or team assignee nobody has), and with `conflict` when the instance
    /// has ended.
    public func openTask(_ input: HumanTaskInput, for instanceId: UUID) async throws -> HumanTask {
        try input.validate()
        try await requireRunning(instanceId)
        let (siteId, dueDates) = try await placement(lineId: input.lineId, siteId: input.siteId)
        let assignee = try await HumanTaskAssignees.known(input.assignee, db, field: "assignee")
        let task = try HumanTask.opened(
            id: UUID(), workflowInstanceId: instanceId, siteId: siteId, lineId: input.lineId, type: input.type, title: input.title,
            assignee: assignee, priority: input.priority, requiresSignature: input.requiresSignature, at: now, dueDates: dueDates)
        let stored = HumanTaskRows.Stored(task: task, chain: input.escalation, nextEscalationAt: input.escalation?.nextEscalationAt(for: task))
        try await HumanTaskRows.insert(db, stored)
        try await HumanTaskHistory.record(db, HumanTaskEvent(kind: .opened, task: task, actor: AuditContext.current.actor), before: nil)
        return task
    }

    /// Cancels the task `id` for the engine (its instance no longer needs it), whatever revision
    /// people last saw, for `reason`.
    ///
    /// Fails with `conflict` when the task is already completed or cancelled.
    public func cancelTask(_ id: UUID, reason: String) async throws -> HumanTask {
        let stored = try await HumanTaskRows.require(db, id: id, lock: true)
        let actor = AuditContext.current.actor
        let cancelled = try stored.task.cancelled(by: actor, reason: reason, at: now)
        guard let saved = try await HumanTaskRows.update(db, cancelled, from: stored.task.revision) else {
            throw DomainError(.conflict, "The task \(id) changed meanwhile; read it again.")
        }
        try await HumanTaskHistory.record(db, HumanTaskEvent(kind: .cancelled, task: saved.task, actor: actor), before: stored.task)
        return saved.task
    }

    /// The tasks of the instance `instanceId`, oldest first.
    public func tasks(of instanceId: UUID) async throws -> [HumanTask] {
        try await db.select().column("*").from("human_tasks").where("workflow_instance_id", .equal, SQLBind(instanceId))
            .orderBy("created_at").orderBy("id").all().map(HumanTaskRows.task)
    }

    /// The site of a task on the line `lineId` or of the site `siteId`, and the rule of its due
    /// dates: the line's shift pattern (none without production settings) in the site's time zone.
    private func placement(lineId: UUID?, siteId: UUID?) async throws -> (siteId: UUID, dueDates: DueDateRule) {
        let site: Site
        var shiftPattern: ShiftPattern?
        switch (lineId, siteId) {
        case (let lineId?, _):
            let line = try await ParentCheck.require(LineRepository.table, db, id: lineId, field: "lineId")
            site = try await SiteRepository.table.require(db, id: line.siteId)
            shiftPattern = try await LineSettingsStore.settings(db, lineId: lineId)?.shiftPattern
        case (nil, let siteId?):
            site = try await ParentCheck.require(SiteRepository.table, db, id: siteId, field: "siteId")
        case (nil, nil):
            throw DomainError.invalid([FieldViolation(field: "/lineId", reason: "give lineId for a task on a line, or siteId for a task of a whole site")])
        }
        return (site.id, DueDateRule(shiftPattern: shiftPattern, timeZone: TimeZone(identifier: site.timeZone) ?? .gmt))
    }
}

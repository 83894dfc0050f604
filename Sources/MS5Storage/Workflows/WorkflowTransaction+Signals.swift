import Foundation
import MS5Domain
import SQLKit

/// The signal waits of workflow instances, as the engine sets and withdraws them.
extension WorkflowTransaction {
    /// Makes the running instance `instanceId` wait for the signal `matcher` describes; its
    /// delivery runs the handler of `purpose`. With a `timeout`, a timer of the timeout's purpose
    /// is set too: whichever comes first — the signal or the timer — ends the wait, and the other
    /// is cancelled.
    ///
    /// Machine signals are taken only from events later in the outbox than this transaction's
    /// view of it; counts from the pieces made from now on.
    ///
    /// Fails with `invalid` naming the fields at fault (a purpose that is not a key, the
    /// matcher's fields, an equipment or site that does not exist), and with `conflict` when the
    /// instance has ended.
    public func awaitSignal(
        _ matcher: SignalMatcher, purpose: String, for instanceId: UUID, timeout: (purpose: String, at: Date)? = nil
    ) async throws -> SignalWait {
        var v = Validator()
        v.code(purpose, "purpose")
        try v.finish()
        try matcher.validate()
        try await requireRunning(instanceId)
        let (siteId, lineId) = try await place(matcher)
        let head = try await db.select().column("position").from("outbox_head").where("id", .equal, SQLBind(1))
            .first(decodingColumn: "position", as: Int64.self) ?? 0
        var timeoutTimerId: UUID?
        if let timeout { timeoutTimerId = try await schedule(timeout.purpose, at: timeout.at, for: instanceId).id }
        let wait = SignalWait(
            id: UUID(), instanceId: instanceId, purpose: purpose, matcher: matcher, siteId: siteId, lineId: lineId, waitingSince: now,
            timeoutTimerId: timeoutTimerId)
        try await SignalWaitRows.insert(db, wait, afterPosition: head)
        try await AuditLedger.record(
            db, action: "await", recordType: SignalWaitRows.recordType, recordId: wait.id.uuidString.lowercased(), before: SignalWait?.none,
            after: wait)
        return wait
    }

    /// Cancels the waits of the instance `instanceId` not delivered yet, only those for
    /// `purpose` when given, with their timeout timers; answers how many it cancelled.
    @discardableResult
    public func cancelSignalWaits(of instanceId: UUID, purpose: String? = nil) async throws -> Int {
        var update = db.update("workflow_signal_waits").set("cancelled_at", to: SQLBind(now))
            .where("instance_id", .equal, SQLBind(instanceId)).where("delivered_at", .is, SQLLiteral.null)
            .where("cancelled_at", .is, SQLLiteral.null)
        if let purpose { update = update.where("purpose", .equal, SQLBind(purpose)) }
        let cancelled = try await update.returning("*").all().map(SignalWaitRows.wait)
        for wait in cancelled {
            try await AuditLedger.record(
                db, action: "cancel", recordType: SignalWaitRows.recordType, recordId: wait.id.uuidString.lowercased(), before: wait,
                after: SignalWait?.none)
            if let timerId = wait.timeoutTimerId { try await cancelTimer(timerId) }
        }
        return cancelled.count
    }

    /// The waits of the instance `instanceId` that were not cancelled, oldest first.
    public func signalWaits(of instanceId: UUID) async throws -> [SignalWait] {
        try await db.select().column("*").from("workflow_signal_waits").where("instance_id", .equal, SQLBind(instanceId))
            .where("cancelled_at", .is, SQLLiteral.null).orderBy("waiting_since").orderBy("id").all().map(SignalWaitRows.wait)
    }

    /// Cancels the waits the timer `timerId` was the timeout of, as it fires: they end unanswered.
    func cancelSignalWaits(timedOutBy timerId: UUID) async throws {
        let cancelled = try await db.update("workflow_signal_waits").set("cancelled_at", to: SQLBind(now))
            .where("timeout_timer_id", .equal, SQLBind(timerId)).where("delivered_at", .is, SQLLiteral.null)
            .where("cancelled_at", .is, SQLLiteral.null)
            .returning("*").all().map(SignalWaitRows.wait)
        for wait in cancelled {
            try await AuditLedger.record(
                db, action: "time out", recordType: SignalWaitRows.recordType, recordId: wait.id.uuidString.lowercased(), before: wait,
                after: SignalWait?.none)
        }
    }

    /// Cancels the timer `id` if it still waits (a wait's timeout, once the signal came).
    func cancelTimer(_ id: UUID) async throws {
        let cancelled = try await db.update("workflow_timers").set("cancelled_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("fired_at", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
            .returning("*").all().map(WorkflowRows.timer)
        for timer in cancelled {
            try await AuditLedger.record(
                db, action: "cancel", recordType: "workflow timer", recordId: timer.id.uuidString.lowercased(), before: timer,
                after: DurableTimer?.none)
        }
    }

    /// The site and line a wait is placed at: its equipment's, or the user signal's site.
    private func place(_ matcher: SignalMatcher) async throws -> (siteId: UUID, lineId: UUID?) {
        if let equipmentId = matcher.equipmentId {
            let equipment = try await ParentCheck.require(EquipmentRepository.table, db, id: equipmentId, field: "matcher/equipmentId")
            return (equipment.siteId, equipment.lineId)
        }
        guard let siteId = matcher.siteId else {
            throw DomainError.invalid([FieldViolation(field: "/matcher/siteId", reason: "is required")])
        }
        return (try await ParentCheck.require(SiteRepository.table, db, id: siteId, field: "matcher/siteId").id, nil)
    }
}

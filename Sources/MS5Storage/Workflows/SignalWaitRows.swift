import Foundation
import MS5Domain
import SQLKit

/// How signal waits are kept in `workflow_signal_waits`: the matcher and the signal taken as
/// JSON, the kind, equipment and name beside them for the lookups that match signals.
enum SignalWaitRows {
    /// How the audit ledger names signal waits.
    static let recordType = "workflow signal wait"

    /// Inserts a new wait that takes only signals after the outbox position `afterPosition`.
    static func insert(_ db: any SQLDatabase, _ wait: SignalWait, afterPosition: Int64) async throws {
        try await db.insert(into: "workflow_signal_waits")
            .columns(
                "id", "instance_id", "purpose", "kind", "matcher", "site_id", "line_id", "equipment_id", "signal_name", "waiting_since",
                "after_position", "timeout_timer_id", "attempts")
            .values(
                SQLBind(wait.id), SQLBind(wait.instanceId), SQLBind(wait.purpose), SQLBind(wait.matcher.kind.rawValue),
                SQLBind(try EventData.json(wait.matcher)), SQLBind(wait.siteId), SQLBind(wait.lineId), SQLBind(wait.matcher.equipmentId),
                SQLBind(wait.matcher.name), SQLBind(wait.waitingSince), SQLBind(afterPosition), SQLBind(wait.timeoutTimerId), SQLBind(0))
            .run()
    }

    /// The waits of `kind` still waiting for a signal, of instances still running, oldest
    /// first: only those of `equipmentId`, of `instanceId`, named `name`, and begun before the
    /// outbox position `position` when given.
    static func waiting(
        _ db: any SQLDatabase, kind: SignalKind, equipmentId: UUID? = nil, instanceId: UUID? = nil, name: String? = nil,
        before position: Int64? = nil
    ) async throws -> [SignalWait] {
        var sql: SQLQueryString = """
            SELECT w.* FROM workflow_signal_waits w JOIN workflow_instances i ON i.id = w.instance_id
            WHERE w.signal IS NULL AND w.cancelled_at IS NULL AND i.status = \(bind: WorkflowStatus.running.rawValue)
            AND w.kind = \(bind: kind.rawValue)
            """
        if let equipmentId { sql += " AND w.equipment_id = \(bind: equipmentId)" }
        if let instanceId { sql += " AND w.instance_id = \(bind: instanceId)" }
        if let name { sql += " AND w.signal_name = \(bind: name)" }
        if let position { sql += " AND w.after_position < \(bind: position)" }
        return try await db.raw(sql + " ORDER BY w.waiting_since, w.id").all().map(wait)
    }

    /// Sets the signal of the wait `id` if it still waits; answers the wait with it, nil when
    /// another transaction gave it a signal first or it was cancelled.
    static func take(_ db: any SQLDatabase, id: UUID, signal: WorkflowSignal, at now: Date) async throws -> SignalWait? {
        try await db.update("workflow_signal_waits").set("signal", to: SQLBind(try EventData.json(signal)))
            .set("next_attempt_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("signal", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
            .returning("*").all().map(wait).first
    }

    /// The wait in a row read with `*`.
    static func wait(_ row: any SQLRow) throws -> SignalWait {
        SignalWait(
            id: try row.decode(column: "id", as: UUID.self), instanceId: try row.decode(column: "instance_id", as: UUID.self),
            purpose: try row.decode(column: "purpose", as: String.self),
            matcher: try EventData.decode(SignalMatcher.self, from: try row.decode(column: "matcher", as: String.self)),
            siteId: try row.decode(column: "site_id", as: UUID.self), lineId: try row.decode(column: "line_id", as: UUID?.self),
            waitingSince: try row.decode(column: "waiting_since", as: Date.self),
            timeoutTimerId: try row.decode(column: "timeout_timer_id", as: UUID?.self),
            signal: try row.decode(column: "signal", as: String?.self).map { try EventData.decode(WorkflowSignal.self, from: $0) },
            deliveredAt: try row.decode(column: "delivered_at", as: Date?.self))
    }
}

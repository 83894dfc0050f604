import Foundation
import MS5Domain
import SQLKit

/// Delivering the signals waits took: each at most once across every ms5 instance on the
/// database, its handler's effect, audit entry and `workflow.signal.delivered.v1` event in the
/// transaction that marks it delivered.
extension WorkflowStore {
    /// Delivers the signals taken and due at the clock's time, oldest first, at most `limit` of
    /// them: each in a transaction of its own that sets `delivered_at` by compare-and-set, cancels
    /// the wait's timeout timer and runs `handler` with it.
    ///
    /// A wait another instance delivered first is left to it. When `handler` throws, its effects
    /// and the delivery roll back together and the wait backs off as a failing timer does
    /// (2, 4, 8 … up to 300 seconds, ``retry``). Waits of instances that have ended are
    /// not delivered.
    public func deliverTaken(
        limit: Int = 100, handler: @escaping @Sendable (SignalWait, WorkflowTransaction) async throws -> Void
    ) async throws -> SignalRound {
        let now = clock()
        let due = try await database.read { db in
            try await db.raw("""
                SELECT w.* FROM workflow_signal_waits w JOIN workflow_instances i ON i.id = w.instance_id
                WHERE w.signal IS NOT NULL AND w.delivered_at IS NULL AND w.cancelled_at IS NULL AND w.next_attempt_at <= \(bind: now)
                AND i.status = \(bind: WorkflowStatus.running.rawValue)
                ORDER BY w.next_attempt_at, w.id LIMIT \(bind: limit)
                """).all().map { (wait: try SignalWaitRows.wait($0), attempts: try $0.decode(column: "attempts", as: Int.self)) }
        }
        var round = SignalRound()
        for (wait, attempts) in due {
            do {
                if let delivered = try await deliver(wait, at: now, handler: handler) { round.delivered.append(delivered) }
            } catch {
                if let failure = try await recordFailure(of: wait, attempts: attempts, error: error, at: now) {
                    round.failed.append(failure)
                }
            }
        }
        return round
    }

    /// Marks `wait` delivered at `now` and runs `handler` in the same transaction; nil when
    /// another instance delivered or cancelled it first.
    private func deliver(
        _ wait: SignalWait, at now: Date, handler: @escaping @Sendable (SignalWait, WorkflowTransaction) async throws -> Void
    ) async throws -> SignalWait? {
        try await database.transaction { db -> SignalWait? in
            let delivered = try wait.delivered(at: now)
            let marked = try await db.update("workflow_signal_waits").set("delivered_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(wait.id)).where("delivered_at", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !marked.isEmpty else { return nil }
            let transaction = WorkflowTransaction(db: db, now: now)
            if let timerId = wait.timeoutTimerId { try await transaction.cancelTimer(timerId) }
            try await handler(delivered, transaction)
            try await AuditLedger.record(
                db, action: "deliver", recordType: SignalWaitRows.recordType, recordId: wait.id.uuidString.lowercased(), before: wait,
                after: delivered)
            try await Outbox.append(db, try CanonicalEvent.signalDelivered(delivered))
            return delivered
        }
    }

    /// Counts a failed attempt of delivering `wait` (seen after `attempts` earlier failures) and
    /// sets its next one; nil when another instance counted it or delivered it meanwhile.
    private func recordFailure(of wait: SignalWait, attempts: Int, error: any Error, at now: Date) async throws -> SignalRound.Failure? {
        let failed = attempts + 1
        let retryAt = Self.retryAt(afterFailures: failed, from: now)
        let message = String(((error as? DomainError)?.message ?? String(describing: error)).prefix(1000))
        let updated = try await database.transaction { db in
            try await db.update("workflow_signal_waits").set("attempts", to: SQLBind(failed)).set("last_error", to: SQLBind(message))
                .set("next_attempt_at", to: SQLBind(retryAt))
                .where("id", .equal, SQLBind(wait.id)).where("delivered_at", .is, SQLLiteral.null).where("attempts", .equal, SQLBind(attempts))
                .returning("id").all()
        }
        guard !updated.isEmpty else { return nil }
        return SignalRound.Failure(wait: wait, attempts: failed, error: message, retryAt: retryAt)
    }
}

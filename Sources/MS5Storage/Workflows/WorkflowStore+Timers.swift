import Foundation
import MS5Domain
import MS5Retry
import SQLKit

/// Firing due timers: each at most once across every ms5 instance on the database, its effect
/// in the transaction that marks it fired.
extension WorkflowStore {
    /// The waits between attempts of a timer or signal whose handler keeps failing: 2 s after the
    /// first failure, doubling up to 5 minutes.
    public static let retry = Backoff(initial: .seconds(2), maximum: .seconds(300))

    /// Fires the timers due at the clock's time, oldest first, at most `limit` of them: each in a
    /// transaction of its own that sets `fired_at` by compare-and-set and runs `handler` with it.
    ///
    /// A timer another instance fired first is left to it. When `handler` throws, its effects and
    /// the firing roll back together and the timer waits 2, 4, 8 … up to
    /// 300 seconds (``retry``) per failed attempt before it is tried again: a crash at any
    /// point leaves the timer either fired with its effect or waiting without it. Timers of
    /// instances that have ended do not fire. A timer that is a signal wait's timeout ends the
    /// wait as it fires.
    public func fireDue(
        limit: Int = 100, handler: @escaping @Sendable (DurableTimer, WorkflowTransaction) async throws -> Void
    ) async throws -> TimerRound {
        let now = clock()
        let due = try await database.read { db in
            try await db.raw("""
                SELECT t.* FROM workflow_timers t JOIN workflow_instances i ON i.id = t.instance_id
                WHERE t.fired_at IS NULL AND t.cancelled_at IS NULL AND t.next_attempt_at <= \(bind: now)
                AND i.status = \(bind: WorkflowStatus.running.rawValue)
                ORDER BY t.next_attempt_at, t.id LIMIT \(bind: limit)
                """).all().map { (timer: try WorkflowRows.timer($0), attempts: try $0.decode(column: "attempts", as: Int.self)) }
        }
        var round = TimerRound()
        for (timer, attempts) in due {
            do {
                if let fired = try await fire(timer, at: now, handler: handler) { round.fired.append(fired) }
            } catch {
                if let failure = try await recordFailure(of: timer, attempts: attempts, error: error, at: now) {
                    round.failed.append(failure)
                }
            }
        }
        return round
    }

    /// Marks `timer` fired at `now` and runs `handler` in the same transaction; nil when another
    /// instance fired or cancelled it first.
    private func fire(
        _ timer: DurableTimer, at now: Date, handler: @escaping @Sendable (DurableTimer, WorkflowTransaction) async throws -> Void
    ) async throws -> DurableTimer? {
        try await database.transaction { db -> DurableTimer? in
            let fired = try timer.fired(at: now)
            let marked = try await db.update("workflow_timers").set("fired_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(timer.id)).where("fired_at", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !marked.isEmpty else { return nil }
            let transaction = WorkflowTransaction(db: db, now: now)
            try await transaction.cancelSignalWaits(timedOutBy: timer.id)
            try await handler(fired, transaction)
            try await AuditLedger.record(
                db, action: "fire", recordType: "workflow timer", recordId: timer.id.uuidString.lowercased(), before: timer, after: fired)
            return fired
        }
    }

    /// When to try again after `failures` failed attempts in a row, from `now`, by ``retry``.
    /// Timers and signal deliveries back off alike.
    static func retryAt(afterFailures failures: Int, from now: Date) -> Date {
        now.addingTimeInterval(retry.delay(afterFailures: failures).seconds)
    }

    /// Counts a failed attempt of `timer` (seen after `attempts` earlier failures) and sets its
    /// next one; nil when another instance counted it or fired it meanwhile.
    private func recordFailure(of timer: DurableTimer, attempts: Int, error: any Error, at now: Date) async throws -> TimerRound.Failure? {
        let failed = attempts + 1
        let retryAt = Self.retryAt(afterFailures: failed, from: now)
        let message = String(((error as? DomainError)?.message ?? String(describing: error)).prefix(1000))
        let updated = try await database.transaction { db in
            try await db.update("workflow_timers").set("attempts", to: SQLBind(failed)).set("last_error", to: SQLBind(message))
                .set("next_attempt_at", to: SQLBind(retryAt))
                .where("id", .equal, SQLBind(timer.id)).where("fired_at", .is, SQLLiteral.null).where("attempts", .equal, SQLBind(attempts))
                .returning("id").all()
        }
        guard !updated.isEmpty else { return nil }
        return TimerRound.Failure(timer: timer, attempts: failed, error: message, retryAt: retryAt)
    }
}

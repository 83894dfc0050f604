import Foundation
import MS5Domain
import SQLKit

/// How long each kind of time-series data is kept, in days.
public struct RetentionPolicy: Sendable, Equatable {
    /// Raw samples.
    public var rawDays: Int
    /// 1-minute rollups.
    public var minuteDays: Int
    /// 1-hour rollups.
    public var hourDays: Int
    /// Fault events, state intervals and equipment events.
    public var eventDays: Int
    /// Receipts of telemetry batches: a batch re-sent after this long is stored again.
    public var receiptDays: Int
    /// Responses kept for `Idempotency-Key` replays: a replay after this long runs again.
    public var idempotencyDays: Int

    /// Creates a policy.
    public init(rawDays: Int = 30, minuteDays: Int = 180, hourDays: Int = 1825, eventDays: Int = 730, receiptDays: Int = 30,
                idempotencyDays: Int = 1) {
        self.rawDays = rawDays
        self.minuteDays = minuteDays
        self.hourDays = hourDays
        self.eventDays = eventDays
        self.receiptDays = receiptDays
        self.idempotencyDays = idempotencyDays
    }

    /// Table, time column and days kept, for every table the policy covers.
    var rules: [(table: String, column: String, days: Int)] {
        [
            ("metric_samples", "ts", rawDays), ("metric_rollups_1m", "bucket", minuteDays), ("metric_rollups_1h", "bucket", hourDays),
            ("fault_events", "start_ts", eventDays), ("state_intervals", "start_ts", eventDays),
            ("equipment_events", "ts", eventDays), ("telemetry_batches", "received_at", receiptDays),
            ("idempotency_keys", "created_at", idempotencyDays),
        ]
    }
}

/// Deletes what a retention policy no longer keeps.
public struct Retention: Sendable {
    let database: Database

    /// Creates the enforcer over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Deletes rows older than the policy keeps, table by table, and answers how many went from each.
    /// Intervals and faults still open, and receipts whose aggregates are not yet written, are kept
    /// whatever their age.
    @discardableResult
    public func enforce(_ policy: RetentionPolicy, now: Date = Date()) async throws -> [String: Int] {
        var deleted: [String: Int] = [:]
        for rule in policy.rules {
            let cutoff = now.addingTimeInterval(-Double(rule.days) * 86_400)
            deleted[rule.table] = try await database.transaction { db in
                var delete = db.delete(from: rule.table).where(SQLIdentifier(rule.column), .lessThan, cutoff)
                if rule.table == "fault_events" || rule.table == "state_intervals" {
                    delete = delete.where("end_ts", .isNot, SQLLiteral.null)
                }
                if rule.table == "telemetry_batches" {
                    // A receipt still waiting for its aggregates is how a crash is recovered from.
                    delete = delete.where("pending_run", .is, SQLLiteral.null)
                }
                return try await delete.returning(SQLLiteral.numeric("1")).all().count
            }
        }
        return deleted
    }
}

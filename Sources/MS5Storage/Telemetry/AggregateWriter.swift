import Foundation
import MS5Domain
import SQLKit

/// Writes latest values and rollup buckets set-wise: on PostgreSQL one statement of array binds
/// per table, on SQLite multi-row upserts.
enum AggregateWriter {
    /// How a bucket meets the row already stored for it.
    enum Mode {
        /// The bucket counts samples the row does not: both are combined.
        case merge
        /// The bucket was recomputed from every raw sample: it replaces the row.
        case replace
    }

    /// Rows per SQLite statement, well inside its limit on bound values.
    static let rowsPerStatement = 400

    /// Upserts `buckets` into the rollup table of `resolution` (1 minute or 1 hour).
    static func writeRollups(_ buckets: [RollupKey: RollupBucket], resolution: HistoryResolution, mode: Mode, kind: Database.Kind, on db: any SQLDatabase) async throws {
        guard !buckets.isEmpty else { return }
        let table = "metric_rollups_\(resolution.rawValue)"
        let rows = Array(buckets)
        if kind == .postgres {
            try await db.raw("""
                INSERT INTO \(ident: table) (metric_id, bucket, min, max, sum, count, last, last_ts)
                SELECT * FROM unnest(\(bind: rows.map(\.key.metricId))::uuid[], \(bind: rows.map(\.key.start))::timestamptz[],
                                     \(bind: rows.map(\.value.min))::float8[], \(bind: rows.map(\.value.max))::float8[],
                                     \(bind: rows.map(\.value.sum))::float8[], \(bind: rows.map(\.value.count))::int[],
                                     \(bind: rows.map(\.value.last))::float8[], \(bind: rows.map(\.value.lastTimestamp))::timestamptz[])
                ON CONFLICT (metric_id, bucket) DO UPDATE SET \(unsafeRaw: assignments(table: table, mode: mode))
                """).run()
            return
        }
        for chunk in rows.chunked(into: rowsPerStatement) {
            var insert = db.insert(into: table).columns("metric_id", "bucket", "min", "max", "sum", "count", "last", "last_ts")
            for (key, bucket) in chunk {
                insert = insert.values(
                    SQLBind(key.metricId), SQLBind(key.start), SQLBind(bucket.min), SQLBind(bucket.max), SQLBind(bucket.sum),
                    SQLBind(bucket.count), SQLBind(bucket.last), SQLBind(bucket.lastTimestamp))
            }
            try await insert.onConflict(with: ["metric_id", "bucket"]) { update in
                update.set("min", to: SQLRaw(assignment("min", table: table, mode: mode)))
                    .set("max", to: SQLRaw(assignment("max", table: table, mode: mode)))
                    .set("sum", to: SQLRaw(assignment("sum", table: table, mode: mode)))
                    .set("count", to: SQLRaw(assignment("count", table: table, mode: mode)))
                    .set("last", to: SQLRaw(assignment("last", table: table, mode: mode)))
                    .set("last_ts", to: SQLRaw(assignment("last_ts", table: table, mode: mode)))
            }.run()
        }
    }

    /// Upserts each metric's newest sample, keeping a stored value that is newer still.
    static func writeLatest(_ newest: [PendingAggregates.Newest], kind: Database.Kind, on db: any SQLDatabase) async throws {
        guard !newest.isEmpty else { return }
        if kind == .postgres {
            let samples = newest.map(\.sample)
            try await db.raw("""
                INSERT INTO latest_values (metric_id, equipment_id, ts, value, quality)
                SELECT * FROM unnest(\(bind: samples.map(\.metricId))::uuid[], \(bind: newest.map(\.equipmentId))::uuid[],
                                     \(bind: samples.map(\.timestamp))::timestamptz[], \(bind: samples.map(\.value))::float8[], \(bind: samples.map(\.quality))::int[])
                ON CONFLICT (metric_id) DO UPDATE SET ts = excluded.ts, value = excluded.value, quality = excluded.quality
                WHERE latest_values.ts <= excluded.ts
                """).run()
            return
        }
        for chunk in newest.chunked(into: rowsPerStatement) {
            var insert = db.insert(into: "latest_values").columns("metric_id", "equipment_id", "ts", "value", "quality")
            for entry in chunk {
                insert = insert.values(
                    SQLBind(entry.sample.metricId), SQLBind(entry.equipmentId), SQLBind(entry.sample.timestamp),
                    SQLBind(entry.sample.value), SQLBind(entry.sample.quality))
            }
            try await insert.onConflict(with: ["metric_id"]) { update in
                update.set(excludedValueOf: "ts").set(excludedValueOf: "value").set(excludedValueOf: "quality")
                    .where(SQLColumn("ts", table: "latest_values"), .lessThanOrEqual, SQLColumn("ts", table: "excluded"))
            }.run()
        }
    }

    /// Marks the batches' latest values and rollups as written.
    static func release(_ receipts: [PendingAggregates.Receipt], on db: any SQLDatabase) async throws {
        for chunk in receipts.chunked(into: rowsPerStatement) {
            var pairs = SQLQueryString("")
            for (index, receipt) in chunk.enumerated() {
                pairs.appendInterpolation(unsafeRaw: index == 0 ? "(" : ", (")
                pairs.appendInterpolation(bind: receipt.source)
                pairs.appendInterpolation(unsafeRaw: ", ")
                pairs.appendInterpolation(bind: receipt.sequence)
                pairs.appendInterpolation(unsafeRaw: ")")
            }
            try await db.raw("UPDATE telemetry_batches SET pending_run = NULL WHERE (source, sequence) IN (VALUES \(pairs))").run()
        }
    }

    private static func assignments(table: String, mode: Mode) -> String {
        ["min", "max", "sum", "count", "last", "last_ts"].map { "\($0) = \(assignment($0, table: table, mode: mode))" }.joined(separator: ", ")
    }

    /// The new value of `column` when a bucket meets its stored row; written with CASE so that
    /// SQLite and PostgreSQL read it alike.
    private static func assignment(_ column: String, table: String, mode: Mode) -> String {
        if mode == .replace { return "excluded.\(column)" }
        return switch column {
        case "min": "CASE WHEN excluded.min < \(table).min THEN excluded.min ELSE \(table).min END"
        case "max": "CASE WHEN excluded.max > \(table).max THEN excluded.max ELSE \(table).max END"
        case "sum", "count": "\(table).\(column) + excluded.\(column)"
        case "last": "CASE WHEN excluded.last_ts >= \(table).last_ts THEN excluded.last ELSE \(table).last END"
        default: "CASE WHEN excluded.last_ts >= \(table).last_ts THEN excluded.last_ts ELSE \(table).last_ts END"
        }
    }
}

import SQLKit

extension Migration {
    /// Version 4, for ingest by COPY with aggregates written apart:
    /// - each batch receipt records the time span of its samples and, until its latest values and
    ///   rollups are written, the ingest run holding them in memory; after a crash the next run
    ///   finds those receipts and rebuilds the affected rollups from the raw samples;
    /// - raw samples are keyed by (metric, time), which is what history reads by and a smaller
    ///   index to maintain per row than one leading with the equipment.
    static let aggregateTracking = Migration(4, "aggregate tracking") { db, kind in
        let types = ColumnTypes(kind)
        for statement in [
            "ALTER TABLE telemetry_batches ADD COLUMN first_ts {timestamp}",
            "ALTER TABLE telemetry_batches ADD COLUMN last_ts {timestamp}",
            "ALTER TABLE telemetry_batches ADD COLUMN pending_run {uuid}",
            "CREATE INDEX telemetry_batches_pending ON telemetry_batches (pending_run) WHERE pending_run IS NOT NULL",
        ] {
            try await db.raw(SQLQueryString(types.expand(statement))).run()
        }
        switch kind {
        case .postgres:
            try await db.raw("ALTER TABLE metric_samples DROP CONSTRAINT metric_samples_pkey").run()
            try await db.raw("ALTER TABLE metric_samples ADD PRIMARY KEY (metric_id, ts)").run()
        case .sqlite:
            // SQLite cannot change a primary key in place: the table is rebuilt.
            try await db.raw(SQLQueryString(types.expand("""
                CREATE TABLE metric_samples_keyed (
                    equipment_id {uuid} NOT NULL, metric_id {uuid} NOT NULL, ts {timestamp} NOT NULL,
                    value {double}, quality INTEGER NOT NULL, PRIMARY KEY (metric_id, ts))
                """))).run()
            try await db.raw("INSERT INTO metric_samples_keyed SELECT equipment_id, metric_id, ts, value, quality FROM metric_samples").run()
            try await db.raw("DROP TABLE metric_samples").run()
            try await db.raw("ALTER TABLE metric_samples_keyed RENAME TO metric_samples").run()
        }
    }
}

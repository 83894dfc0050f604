import SQLKit

extension Migration {
    /// Version 24: raw samples keyed by a small integer per metric instead of its UUID, without
    /// the equipment (the metric names it).
    ///
    /// Every sample is one row and one entry of the key's index, so the key's width is paid per
    /// sample: a row of (key, time, value, quality) is 24 bytes of data instead of 52, and its
    /// index entry 16 instead of 24. Each metric gets its `sample_key` when it is created: from a
    /// sequence on PostgreSQL, from a trigger taking the next unused number on SQLite (whose
    /// writers are serialised). On SQLite the samples live in their key's b-tree
    /// (`WITHOUT ROWID`), one b-tree to write per sample instead of two.
    static let compactSamples = Migration(24, "compact samples") { db, kind in
        switch kind {
        case .postgres:
            for statement in [
                "CREATE SEQUENCE metric_sample_keys AS integer",
                "ALTER TABLE metrics ADD COLUMN sample_key INTEGER",
                "UPDATE metrics SET sample_key = nextval('metric_sample_keys')",
                "ALTER TABLE metrics ALTER COLUMN sample_key SET DEFAULT nextval('metric_sample_keys')",
                "ALTER TABLE metrics ALTER COLUMN sample_key SET NOT NULL",
                "ALTER SEQUENCE metric_sample_keys OWNED BY metrics.sample_key",
                "CREATE UNIQUE INDEX metrics_by_sample_key ON metrics (sample_key)",
                "ALTER TABLE metric_samples ADD COLUMN metric_key INTEGER",
                "UPDATE metric_samples SET metric_key = m.sample_key FROM metrics m WHERE m.id = metric_samples.metric_id",
                // Samples of a metric that no longer exists could not be read; they go, as on SQLite.
                "DELETE FROM metric_samples WHERE metric_key IS NULL",
                "ALTER TABLE metric_samples DROP CONSTRAINT metric_samples_pkey",
                "ALTER TABLE metric_samples DROP COLUMN equipment_id",
                "ALTER TABLE metric_samples DROP COLUMN metric_id",
                "ALTER TABLE metric_samples ALTER COLUMN metric_key SET NOT NULL",
                "ALTER TABLE metric_samples ADD PRIMARY KEY (metric_key, ts)",
            ] {
                try await db.raw(SQLQueryString(statement)).run()
            }
        case .sqlite:
            for statement in [
                "ALTER TABLE metrics ADD COLUMN sample_key INTEGER",
                "UPDATE metrics SET sample_key = (SELECT count(*) FROM metrics earlier WHERE earlier.rowid <= metrics.rowid)",
                "CREATE UNIQUE INDEX metrics_by_sample_key ON metrics (sample_key)",
                """
                CREATE TRIGGER metrics_sample_key AFTER INSERT ON metrics WHEN NEW.sample_key IS NULL
                BEGIN
                    UPDATE metrics SET sample_key = (SELECT coalesce(max(sample_key), 0) + 1 FROM metrics) WHERE id = NEW.id;
                END
                """,
                """
                CREATE TABLE metric_samples_compact (
                    metric_key INTEGER NOT NULL, ts REAL NOT NULL, value REAL, quality INTEGER NOT NULL,
                    PRIMARY KEY (metric_key, ts)
                ) WITHOUT ROWID
                """,
                """
                INSERT INTO metric_samples_compact (metric_key, ts, value, quality)
                SELECT m.sample_key, s.ts, s.value, s.quality FROM metric_samples s JOIN metrics m ON m.id = s.metric_id
                """,
                "DROP TABLE metric_samples",
                "ALTER TABLE metric_samples_compact RENAME TO metric_samples",
            ] {
                try await db.raw(SQLQueryString(statement)).run()
            }
        }
    }
}

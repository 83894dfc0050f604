import Foundation
import MS5Domain
import SQLKit

/// Where samples land: raw history, latest values and 1-minute and 1-hour rollups, all in one
/// transaction per batch, and where they are read back.
public struct TelemetryStore: Sendable {
    /// Rows per INSERT statement, well inside both databases' limits on bound values.
    static let rowsPerStatement = 400

    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Stores a batch once: a batch whose (source, sequence) was stored before changes nothing and
    /// answers nil. `equipmentOf` gives each sample's equipment. Answers the samples newly stored
    /// (a sample of a metric at a time already stored is kept only once).
    public func store(_ batch: TelemetryBatch, equipmentOf: [UUID: UUID]) async throws -> [TelemetrySample]? {
        let kind = database.kind
        if let index = batch.samples.firstIndex(where: { equipmentOf[$0.metricId] == nil }) {
            throw DomainError.invalid([FieldViolation(field: "/samples/\(index)/metricId", reason: "no metric with this id exists")])
        }
        return try await database.transaction { db -> [TelemetrySample]? in
            let receipt = try await db.insert(into: "telemetry_batches")
                .columns("source", "sequence", "received_at", "samples")
                .values(SQLBind(batch.source), SQLBind(batch.sequence), SQLBind(Date()), SQLBind(batch.samples.count))
                .ignoringConflicts(with: ["source", "sequence"])
                .returning("source")
                .all()
            guard !receipt.isEmpty else { return nil }
            var stored: [TelemetrySample] = []
            if kind == .postgres {
                stored = try await Self.insertSamplesWithArrays(batch.samples, equipmentOf: equipmentOf, on: db)
            } else {
                for chunk in batch.samples.chunked(into: Self.rowsPerStatement) {
                    stored += try await Self.insertSamples(chunk, equipmentOf: equipmentOf, on: db)
                }
            }
            try await Self.updateLatest(stored, equipmentOf: equipmentOf, kind: kind, on: db)
            for resolution in [HistoryResolution.minute, .hour] {
                try await Self.updateRollups(stored, resolution: resolution, kind: kind, on: db)
            }
            return stored
        }
    }

    private static func insertSamples(_ samples: ArraySlice<TelemetrySample>, equipmentOf: [UUID: UUID], on db: any SQLDatabase) async throws -> [TelemetrySample] {
        var insert = db.insert(into: "metric_samples").columns("equipment_id", "metric_id", "ts", "value", "quality")
        for sample in samples {
            insert = insert.values(
                SQLBind(equipmentOf[sample.metricId]), SQLBind(sample.metricId), SQLBind(sample.timestamp),
                SQLBind(sample.value), SQLBind(sample.quality))
        }
        let rows = try await insert.ignoringConflicts(with: ["equipment_id", "metric_id", "ts"])
            .returning("metric_id", "ts", "value", "quality").all()
        return try rows.map { row in
            TelemetrySample(
                metricId: try row.decode(column: "metric_id", as: UUID.self),
                timestamp: try row.decode(column: "ts", as: Date.self),
                value: try row.decode(column: "value", as: Double.self),
                quality: try row.decode(column: "quality", as: Int.self))
        }
    }

    /// PostgreSQL: the whole batch in one statement of five array binds (`unnest`), which the
    /// server expands to rows — one bind per column instead of one per value.
    private static func insertSamplesWithArrays(_ samples: [TelemetrySample], equipmentOf: [UUID: UUID], on db: any SQLDatabase) async throws -> [TelemetrySample] {
        let equipment = samples.compactMap { equipmentOf[$0.metricId] }
        let rows = try await db.raw("""
            INSERT INTO metric_samples (equipment_id, metric_id, ts, value, quality)
            SELECT * FROM unnest(\(bind: equipment)::uuid[], \(bind: samples.map(\.metricId))::uuid[], \(bind: samples.map(\.timestamp))::timestamptz[],
                                 \(bind: samples.map(\.value))::float8[], \(bind: samples.map(\.quality))::int[])
            ON CONFLICT DO NOTHING
            RETURNING metric_id, ts
            """).all()
        guard rows.count != samples.count else { return samples }
        var stored = Set<StoredKey>()
        for row in rows {
            stored.insert(StoredKey(metricId: try row.decode(column: "metric_id", as: UUID.self), timestamp: try row.decode(column: "ts", as: Date.self)))
        }
        return samples.filter { stored.contains(StoredKey(metricId: $0.metricId, timestamp: $0.timestamp)) }
    }

    private static func updateLatest(_ samples: [TelemetrySample], equipmentOf: [UUID: UUID], kind: Database.Kind, on db: any SQLDatabase) async throws {
        var newest: [UUID: TelemetrySample] = [:]
        for sample in samples where newest[sample.metricId].map({ sample.timestamp >= $0.timestamp }) ?? true {
            newest[sample.metricId] = sample
        }
        guard !newest.isEmpty else { return }
        if kind == .postgres {
            let values = Array(newest.values)
            try await db.raw("""
                INSERT INTO latest_values (metric_id, equipment_id, ts, value, quality)
                SELECT * FROM unnest(\(bind: values.map(\.metricId))::uuid[], \(bind: values.compactMap { equipmentOf[$0.metricId] })::uuid[],
                                     \(bind: values.map(\.timestamp))::timestamptz[], \(bind: values.map(\.value))::float8[], \(bind: values.map(\.quality))::int[])
                ON CONFLICT (metric_id) DO UPDATE SET ts = excluded.ts, value = excluded.value, quality = excluded.quality
                WHERE latest_values.ts <= excluded.ts
                """).run()
            return
        }
        var insert = db.insert(into: "latest_values").columns("metric_id", "equipment_id", "ts", "value", "quality")
        for sample in newest.values {
            insert = insert.values(
                SQLBind(sample.metricId), SQLBind(equipmentOf[sample.metricId]), SQLBind(sample.timestamp),
                SQLBind(sample.value), SQLBind(sample.quality))
        }
        try await insert.onConflict(with: ["metric_id"]) { update in
            update.set(excludedValueOf: "ts").set(excludedValueOf: "value").set(excludedValueOf: "quality")
                .where(SQLColumn("ts", table: "latest_values"), .lessThanOrEqual, SQLColumn("ts", table: "excluded"))
        }.run()
    }

    private static func updateRollups(_ samples: [TelemetrySample], resolution: HistoryResolution, kind: Database.Kind, on db: any SQLDatabase) async throws {
        guard let seconds = resolution.seconds, !samples.isEmpty else { return }
        let table = "metric_rollups_\(resolution.rawValue)"
        var buckets: [RollupKey: RollupBucket] = [:]
        for sample in samples {
            let start = Date(timeIntervalSince1970: (sample.timestamp.timeIntervalSince1970 / seconds).rounded(.down) * seconds)
            buckets[RollupKey(metricId: sample.metricId, start: start), default: RollupBucket()].add(sample)
        }
        if kind == .postgres {
            try await upsertRollupArrays(Array(buckets), table: table, on: db)
            return
        }
        for chunk in Array(buckets).chunked(into: rowsPerStatement) {
            var insert = db.insert(into: table).columns("metric_id", "bucket", "min", "max", "sum", "count", "last", "last_ts")
            for (key, bucket) in chunk {
                insert = insert.values(
                    SQLBind(key.metricId), SQLBind(key.start), SQLBind(bucket.min), SQLBind(bucket.max), SQLBind(bucket.sum),
                    SQLBind(bucket.count), SQLBind(bucket.last), SQLBind(bucket.lastTimestamp))
            }
            try await insert.onConflict(with: ["metric_id", "bucket"]) { update in
                update
                    .set("min", to: SQLRaw("CASE WHEN excluded.min < \(table).min THEN excluded.min ELSE \(table).min END"))
                    .set("max", to: SQLRaw("CASE WHEN excluded.max > \(table).max THEN excluded.max ELSE \(table).max END"))
                    .set("sum", to: SQLRaw("\(table).sum + excluded.sum"))
                    .set("count", to: SQLRaw("\(table).count + excluded.count"))
                    .set("last", to: SQLRaw("CASE WHEN excluded.last_ts >= \(table).last_ts THEN excluded.last ELSE \(table).last END"))
                    .set("last_ts", to: SQLRaw("CASE WHEN excluded.last_ts >= \(table).last_ts THEN excluded.last_ts ELSE \(table).last_ts END"))
            }.run()
        }
    }
}

extension TelemetryStore {
    /// PostgreSQL: every bucket of a batch in one upsert of eight array binds.
    static func upsertRollupArrays(_ buckets: [(key: RollupKey, value: RollupBucket)], table: String, on db: any SQLDatabase) async throws {
        let t = SQLIdentifier(table)
        try await db.raw("""
            INSERT INTO \(t) (metric_id, bucket, min, max, sum, count, last, last_ts)
            SELECT * FROM unnest(\(bind: buckets.map(\.key.metricId))::uuid[], \(bind: buckets.map(\.key.start))::timestamptz[],
                                 \(bind: buckets.map(\.value.min))::float8[], \(bind: buckets.map(\.value.max))::float8[],
                                 \(bind: buckets.map(\.value.sum))::float8[], \(bind: buckets.map(\.value.count))::int[],
                                 \(bind: buckets.map(\.value.last))::float8[], \(bind: buckets.map(\.value.lastTimestamp))::timestamptz[])
            ON CONFLICT (metric_id, bucket) DO UPDATE SET
                min = LEAST(\(t).min, excluded.min), max = GREATEST(\(t).max, excluded.max),
                sum = \(t).sum + excluded.sum, count = \(t).count + excluded.count,
                last = CASE WHEN excluded.last_ts >= \(t).last_ts THEN excluded.last ELSE \(t).last END,
                last_ts = GREATEST(\(t).last_ts, excluded.last_ts)
            """).run()
    }
}

/// A sample's identity in storage: its metric and time.
struct StoredKey: Hashable {
    let metricId: UUID
    let timestamp: Date
}

/// A metric's bucket of a rollup table.
struct RollupKey: Hashable {
    let metricId: UUID
    let start: Date
}

/// Running min, max, sum, count and last of the samples in one bucket.
struct RollupBucket {
    var min = Double.infinity
    var max = -Double.infinity
    var sum = 0.0
    var count = 0
    var last = 0.0
    var lastTimestamp = Date.distantPast

    mutating func add(_ sample: TelemetrySample) {
        min = Swift.min(min, sample.value)
        max = Swift.max(max, sample.value)
        sum += sample.value
        count += 1
        if sample.timestamp >= lastTimestamp {
            last = sample.value
            lastTimestamp = sample.timestamp
        }
    }
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

import Foundation
import MS5Domain
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// Where samples land. Each batch is one transaction: its receipt, which makes a retried batch a
/// no-op, and its raw samples (by `COPY` on PostgreSQL). Latest values and rollups follow through
/// the ``TelemetryAggregator``.
public struct TelemetryStore: Sendable {
    /// Rows per INSERT statement, well inside both databases' limits on bound values.
    static let rowsPerStatement = 400

    let database: Database
    /// Where the latest values and rollups of stored samples gather until written.
    public let aggregator: TelemetryAggregator

    /// Creates the store over `database`, aggregating through `aggregator`.
    public init(database: Database, aggregator: TelemetryAggregator) {
        self.database = database
        self.aggregator = aggregator
    }

    /// Stores a batch once: a batch whose (source, sequence) was stored before changes nothing and
    /// answers nil. `equipmentOf` gives each sample's equipment and `sampleKeys` its metric's
    /// `sample_key`. Answers the samples newly stored (a sample of a metric at a time already
    /// stored is kept only once).
    public func store(_ batch: TelemetryBatch, equipmentOf: [UUID: UUID], sampleKeys: [UUID: Int32]) async throws -> [TelemetrySample]? {
        let stored: [TelemetrySample]?
        // The COPY text has every sample's key, or is nil; the check below then names the one without.
        if database.kind == .postgres, let rows = SampleCopyText.rows(batch.samples, sampleKeys: sampleKeys) {
            do {
                stored = try await copy(batch, rows: rows, equipmentOf: equipmentOf)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
                // A sample already stored for its metric and time: insert row by row, skipping it.
                stored = try await insert(batch, equipmentOf: equipmentOf, sampleKeys: sampleKeys)
            }
        } else {
            if let index = batch.samples.firstIndex(where: { sampleKeys[$0.metricId] == nil }) {
                throw DomainError.invalid([FieldViolation(field: "/samples/\(index)/metricId", reason: "no metric with this id exists")])
            }
            stored = try await insert(batch, equipmentOf: equipmentOf, sampleKeys: sampleKeys)
        }
        guard let stored else { return nil }
        await aggregator.add(stored, equipmentOf: equipmentOf, receipt: .init(source: batch.source, sequence: batch.sequence))
        return stored
    }

    /// PostgreSQL's fast path: the receipt, then every sample in one `COPY`. Fails with a unique
    /// violation when a sample was stored before.
    private func copy(_ batch: TelemetryBatch, rows: ByteBuffer, equipmentOf: [UUID: UUID]) async throws -> [TelemetrySample]? {
        let logger = database.logger
        let run = aggregator.run
        return try await database.postgresTransaction { connection -> [TelemetrySample]? in
            guard try await Self.insertReceipt(batch, run: run, on: connection.sql()) else { return nil }
            try await KPIPartsStore.invalidate(connection.sql(), samples: batch.samples, equipmentOf: equipmentOf)
            let table = try await Self.copyTarget(for: batch.samples, on: connection.sql())
            try await connection.copyFrom(table: table, columns: ["metric_key", "ts", "value", "quality"], logger: logger) { writer in
                try await writer.write(rows)
            }
            return batch.samples
        } ?? nil
    }

    /// Where a batch's `COPY` goes: the monthly partition of `metric_samples` holding all its
    /// samples when there is one (native partitions, not TimescaleDB), which spares PostgreSQL
    /// routing each row to its partition (about 8 % of a keyed COPY); otherwise the table itself.
    private static func copyTarget(for samples: [TelemetrySample], on db: any SQLDatabase) async throws -> String {
        guard let first = samples.map(\.timestamp).min(), let last = samples.map(\.timestamp).max() else { return "metric_samples" }
        let partition = TimeSeriesPartitions.partition(of: "metric_samples", holding: first)
        guard TimeSeriesPartitions.partition(of: "metric_samples", holding: last) == partition else { return "metric_samples" }
        let isPartition = try await db.raw("""
            SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(\(bind: partition)) AND inhparent = 'metric_samples'::regclass) AS found
            """).first(decodingColumn: "found", as: Bool.self) ?? false
        return isPartition ? partition : "metric_samples"
    }

    /// The portable path: the receipt, then multi-row inserts that skip samples stored before.
    private func insert(_ batch: TelemetryBatch, equipmentOf: [UUID: UUID], sampleKeys: [UUID: Int32]) async throws -> [TelemetrySample]? {
        let kind = database.kind
        let run = aggregator.run
        return try await database.transaction { db -> [TelemetrySample]? in
            guard try await Self.insertReceipt(batch, run: run, on: db) else { return nil }
            try await KPIPartsStore.invalidate(db, samples: batch.samples, equipmentOf: equipmentOf)
            if kind == .postgres {
                return try await Self.insertSamplesWithArrays(batch.samples, sampleKeys: sampleKeys, on: db)
            }
            var stored: [TelemetrySample] = []
            for chunk in batch.samples.chunked(into: Self.rowsPerStatement) {
                stored += try await Self.insertSamples(chunk, sampleKeys: sampleKeys, on: db)
            }
            return stored
        }
    }

    /// Records the batch as received, pending aggregation by `run`; false when it was received before.
    private static func insertReceipt(_ batch: TelemetryBatch, run: UUID, on db: any SQLDatabase) async throws -> Bool {
        let times = batch.samples.map(\.timestamp)
        let receipt = try await db.insert(into: "telemetry_batches")
            .columns("source", "sequence", "received_at", "samples", "first_ts", "last_ts", "pending_run")
            .values(SQLBind(batch.source), SQLBind(batch.sequence), SQLBind(Date()), SQLBind(batch.samples.count),
                    SQLBind(times.min()), SQLBind(times.max()), SQLBind(run))
            .ignoringConflicts(with: ["source", "sequence"])
            .returning("source")
            .all()
        return !receipt.isEmpty
    }

    private static func insertSamples(_ samples: ArraySlice<TelemetrySample>, sampleKeys: [UUID: Int32], on db: any SQLDatabase) async throws -> [TelemetrySample] {
        var insert = db.insert(into: "metric_samples").columns("metric_key", "ts", "value", "quality")
        for sample in samples {
            insert = insert.values(SQLBind(sampleKeys[sample.metricId]), SQLBind(sample.timestamp), SQLBind(sample.value), SQLBind(sample.quality))
        }
        let rows = try await insert.ignoringConflicts(with: ["metric_key", "ts"]).returning("metric_key", "ts", "value", "quality").all()
        return try storedOnes(of: Array(samples), rows: rows, sampleKeys: sampleKeys)
    }

    /// PostgreSQL: the whole batch in one statement of four array binds (`unnest`), which the
    /// server expands to rows — one bind per column instead of one per value.
    private static func insertSamplesWithArrays(_ samples: [TelemetrySample], sampleKeys: [UUID: Int32], on db: any SQLDatabase) async throws -> [TelemetrySample] {
        let keys = samples.compactMap { sampleKeys[$0.metricId] }
        let rows = try await db.raw("""
            INSERT INTO metric_samples (metric_key, ts, value, quality)
            SELECT * FROM unnest(\(bind: keys)::int[], \(bind: samples.map(\.timestamp))::timestamptz[],
                                 \(bind: samples.map(\.value))::float8[], \(bind: samples.map(\.quality))::int[])
            ON CONFLICT DO NOTHING
            RETURNING metric_key, ts, value, quality
            """).all()
        return try storedOnes(of: samples, rows: rows, sampleKeys: sampleKeys)
    }

    /// The samples an insert returned (`metric_key, ts, value, quality`), or `samples` when it
    /// returned every one.
    private static func storedOnes(of samples: [TelemetrySample], rows: [any SQLRow], sampleKeys: [UUID: Int32]) throws -> [TelemetrySample] {
        guard rows.count != samples.count else { return samples }
        var metricOf: [Int32: UUID] = [:]
        for sample in samples { sampleKeys[sample.metricId].map { metricOf[$0] = sample.metricId } }
        return try rows.compactMap { row in
            try metricOf[row.decode(column: "metric_key", as: Int32.self)].map { metricId in
                TelemetrySample(
                    metricId: metricId, timestamp: try row.decode(column: "ts", as: Date.self),
                    value: try row.decode(column: "value", as: Double.self), quality: try row.decode(column: "quality", as: Int.self))
            }
        }
    }
}

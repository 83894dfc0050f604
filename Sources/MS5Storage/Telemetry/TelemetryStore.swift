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
    /// answers nil. `equipmentOf` gives each sample's equipment. Answers the samples newly stored
    /// (a sample of a metric at a time already stored is kept only once).
    public func store(_ batch: TelemetryBatch, equipmentOf: [UUID: UUID]) async throws -> [TelemetrySample]? {
        if let index = batch.samples.firstIndex(where: { equipmentOf[$0.metricId] == nil }) {
            throw DomainError.invalid([FieldViolation(field: "/samples/\(index)/metricId", reason: "no metric with this id exists")])
        }
        let stored: [TelemetrySample]?
        if database.kind == .postgres, let rows = SampleCopyText.rows(batch.samples, equipmentOf: equipmentOf) {
            do {
                stored = try await copy(batch, rows: rows, equipmentOf: equipmentOf)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
                // A sample already stored for its metric and time: insert row by row, skipping it.
                stored = try await insert(batch, equipmentOf: equipmentOf)
            }
        } else {
            stored = try await insert(batch, equipmentOf: equipmentOf)
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
            try await connection.copyFrom(table: "metric_samples", columns: ["equipment_id", "metric_id", "ts", "value", "quality"], logger: logger) { writer in
                try await writer.write(rows)
            }
            return batch.samples
        } ?? nil
    }

    /// The portable path: the receipt, then multi-row inserts that skip samples stored before.
    private func insert(_ batch: TelemetryBatch, equipmentOf: [UUID: UUID]) async throws -> [TelemetrySample]? {
        let kind = database.kind
        let run = aggregator.run
        return try await database.transaction { db -> [TelemetrySample]? in
            guard try await Self.insertReceipt(batch, run: run, on: db) else { return nil }
            try await KPIPartsStore.invalidate(db, samples: batch.samples, equipmentOf: equipmentOf)
            if kind == .postgres {
                return try await Self.insertSamplesWithArrays(batch.samples, equipmentOf: equipmentOf, on: db)
            }
            var stored: [TelemetrySample] = []
            for chunk in batch.samples.chunked(into: Self.rowsPerStatement) {
                stored += try await Self.insertSamples(chunk, equipmentOf: equipmentOf, on: db)
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

    private static func insertSamples(_ samples: ArraySlice<TelemetrySample>, equipmentOf: [UUID: UUID], on db: any SQLDatabase) async throws -> [TelemetrySample] {
        var insert = db.insert(into: "metric_samples").columns("equipment_id", "metric_id", "ts", "value", "quality")
        for sample in samples {
            insert = insert.values(
                SQLBind(equipmentOf[sample.metricId]), SQLBind(sample.metricId), SQLBind(sample.timestamp),
                SQLBind(sample.value), SQLBind(sample.quality))
        }
        let rows = try await insert.ignoringConflicts(with: ["metric_id", "ts"])
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
}

/// A sample's identity in storage: its metric and time.
private struct StoredKey: Hashable {
    let metricId: UUID
    let timestamp: Date
}

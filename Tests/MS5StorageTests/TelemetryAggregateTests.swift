import Foundation
import Logging
import MS5Domain
@testable import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Telemetry aggregates")
struct TelemetryAggregateTests {
    static let t0 = TelemetryStoreTests.t0

    static func minuteRows(_ database: Database) async throws -> [(count: Int, sum: Double, last: Double)] {
        try await database.read { db in
            try await db.raw("SELECT count, sum, last FROM metric_rollups_1m ORDER BY bucket").all().map {
                (try $0.decode(column: "count", as: Int.self), try $0.decode(column: "sum", as: Double.self), try $0.decode(column: "last", as: Double.self))
            }
        }
    }

    static func pendingReceipts(_ database: Database) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT count(*) AS n FROM telemetry_batches WHERE pending_run IS NOT NULL").first(decodingColumn: "n", as: Int.self) ?? -1
        }
    }

    @Test("Aggregates wait in memory until a flush writes them and releases the receipts", arguments: TestDatabases.kinds)
    func flushWrites(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await TelemetryStoreTests.speedMetric(database)
            let (store, _) = TelemetryStoreTests.telemetry(database)
            for sequence in 1...3 {
                _ = try await store.store(TelemetryBatch(source: "s", sequence: Int64(sequence), samples: [
                    TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(Double(sequence)), value: Double(sequence))]),
                    equipmentOf: [metric.id: plant.equipment.id], sampleKeys: try await TestSamples.keys(database))
            }
            #expect(try await Self.minuteRows(database).isEmpty)
            #expect(try await Self.pendingReceipts(database) == 3)
            try await store.aggregator.flush()
            // One minute bucket: 1 + 2 + 3 = 6 over 3 samples, the last at +3 s being 3.
            #expect(try await Self.minuteRows(database).map(\.count) == [3])
            #expect(try await Self.minuteRows(database).map(\.sum) == [6])
            #expect(try await Self.minuteRows(database).map(\.last) == [3])
            #expect(try await Self.pendingReceipts(database) == 0)
        }
    }

    @Test("After a crash, the next run rebuilds the lost aggregates from raw samples without counting twice", arguments: TestDatabases.kinds)
    func recovery(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await TelemetryStoreTests.speedMetric(database)
            let owners = [metric.id: plant.equipment.id]
            let crashed = TelemetryStoreTests.telemetry(database).store
            // Batch 1 (minute 0: 10, 20) is flushed; batch 2 (minute 0: 30; minute 1: 40) is stored
            // but its aggregates die with the run.
            _ = try await crashed.store(TelemetryBatch(source: "s", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(5), value: 10),
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(15), value: 20)]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))
            try await crashed.aggregator.flush()
            _ = try await crashed.store(TelemetryBatch(source: "s", sequence: 2, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(25), value: 30),
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(65), value: 40)]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))

            let (next, queries) = TelemetryStoreTests.telemetry(database)
            let outcome = try await next.aggregator.recover()
            // Batch 2 spans minutes 0 and 1; both lie in hour 0.
            #expect(outcome == AggregateRecovery.Outcome(batches: 1, minuteBuckets: 2, hourBuckets: 1))
            // Minute 0 from raw: 10 + 20 + 30 = 60 over 3 (not 10 + 20 counted again); minute 1: 40.
            let minutes = try await Self.minuteRows(database)
            #expect(minutes.map(\.count) == [3, 1])
            #expect(minutes.map(\.sum) == [60, 40])
            #expect(minutes.map(\.last) == [30, 40])
            let hour = try await queries.history(metricId: metric.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), maxPoints: 1)
            #expect(hour.points == [HistoryPoint(timestamp: Self.t0, value: 25, min: 10, max: 40, count: 4)])  // 100 / 4
            #expect(try await queries.latest(equipmentId: plant.equipment.id).map(\.value) == [40])
            #expect(try await Self.pendingReceipts(database) == 0)
            // A second recovery finds nothing left to do.
            #expect(try await next.aggregator.recover().batches == 0)
        }
    }

    @Test("A batch holding a sample already stored keeps only the new ones (PostgreSQL falls back from COPY)", arguments: TestDatabases.kinds)
    func copyFallsBack(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await TelemetryStoreTests.speedMetric(database)
            let (store, queries) = TelemetryStoreTests.telemetry(database)
            let owners = [metric.id: plant.equipment.id]
            // A time with more digits than PostgreSQL keeps: copied and bound, it must be the same row.
            let odd = Self.t0.addingTimeInterval(1.234_567_89)
            #expect(try await store.store(TelemetryBatch(source: "a", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: odd, value: 1)]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))?.count == 1)
            let second = try await store.store(TelemetryBatch(source: "b", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: odd, value: 2),
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(2), value: 3)]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))
            #expect(second?.map(\.value) == [3])
            let history = try await queries.history(metricId: metric.id, from: Self.t0, to: Self.t0.addingTimeInterval(60), maxPoints: 10)
            #expect(history.points.map(\.value) == [1, 3])
            #expect(abs((history.points.first?.timestamp.timeIntervalSince(odd) ?? 1)) < 0.000_001)
            // The rollup counts the two stored samples only.
            #expect(try await Self.minuteRows(database).map(\.count) == [2])
        }
    }
}

@Suite("Sample key migration")
struct SampleKeyMigrationTests {
    @Test("Re-keying raw samples, by metric and time and then by sample key and time, keeps every stored sample", arguments: TestDatabases.kinds)
    func keepsSamples(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind, migrated: false) { database in
            try await Migrator(database: database).migrate(through: 3)
            // The fixture's repositories write the audit ledger of version 13: its tables go in ahead.
            try await database.transaction { db in try await Migration.auditLedger.apply(db, database.kind) }
            let (plant, metric) = try await TelemetryStoreTests.speedMetric(database)
            try await database.transaction { db in
                for (offset, value) in [(0.0, 1.5), (1.0, 2.5), (2.0, 3.5)] {
                    try await db.insert(into: "metric_samples").columns("equipment_id", "metric_id", "ts", "value", "quality")
                        .values(SQLBind(plant.equipment.id), SQLBind(metric.id), SQLBind(TelemetryStoreTests.t0.addingTimeInterval(offset)),
                                SQLBind(value), SQLBind(192))
                        .run()
                }
            }
            #expect(try await Migrator(database: database).migrate(through: 4).map(\.version) == [4])
            let values = try await database.read { db in
                try await db.select().column("value").from("metric_samples").where("metric_id", .equal, metric.id).orderBy("ts")
                    .all(decodingColumn: "value", as: Double.self)
            }
            #expect(values == [1.5, 2.5, 3.5])
        }
    }

    @Test("Keying raw samples by the metric's small sample key keeps every stored sample", arguments: TestDatabases.kinds)
    func keepsSamplesUnderSampleKeys(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind, migrated: false) { database in
            try await Migrator(database: database).migrate(through: 23)
            let (plant, speed) = try await TelemetryStoreTests.speedMetric(database)
            let count = try await MetricRepository(database: database).create(
                equipmentId: plant.equipment.id,
                MetricInput(key: "count", name: "Count", role: .counterTotal, connector: .logix, address: "Count_Total.ACC", dataType: "DINT"))
            try await database.transaction { db in
                for (metric, offset, value) in [(speed.id, 0.0, 1.5), (count.id, 0, 100), (speed.id, 1, 2.5), (count.id, 2, 101)] {
                    try await db.insert(into: "metric_samples").columns("equipment_id", "metric_id", "ts", "value", "quality")
                        .values(SQLBind(plant.equipment.id), SQLBind(metric), SQLBind(TelemetryStoreTests.t0.addingTimeInterval(offset)),
                                SQLBind(value), SQLBind(192))
                        .run()
                }
            }
            #expect(try await Migrator(database: database).migrate(through: 24).map(\.version) == [24])
            let queries = TelemetryStoreTests.telemetry(database).queries
            for (metric, expected) in [(speed.id, [1.5, 2.5]), (count.id, [100.0, 101])] {
                let history = try await queries.history(
                    metricId: metric, from: TelemetryStoreTests.t0, to: TelemetryStoreTests.t0.addingTimeInterval(60), maxPoints: 10)
                #expect(history.resolution == .raw)
                #expect(history.points.map(\.value) == expected)
            }
            // A metric with samples is still protected against deletion.
            await #expect(throws: DomainError.self) { try await MetricRepository(database: database).delete(count.id) }
        }
    }

    @Test("Every metric gets its own sample key when it is created", arguments: TestDatabases.kinds)
    func sampleKeysOfNewMetrics(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, speed) = try await TelemetryStoreTests.speedMetric(database)
            let repository = MetricRepository(database: database)
            let count = try await repository.create(
                equipmentId: plant.equipment.id,
                MetricInput(key: "count", name: "Count", role: .counterTotal, connector: .logix, address: "Count_Total.ACC", dataType: "DINT"))
            let keys = try await TestSamples.keys(database)
            #expect(keys.count == 2)
            #expect(keys[speed.id] != nil && keys[count.id] != nil && keys[speed.id] != keys[count.id])
            // Deleting the newer metric (it has no samples) frees nothing that a stored sample uses.
            try await repository.delete(count.id)
            let third = try await repository.create(
                equipmentId: plant.equipment.id,
                MetricInput(key: "good", name: "Good", role: .counterGood, connector: .logix, address: "Count_Good.ACC", dataType: "DINT"))
            let after = try await TestSamples.keys(database)
            #expect(after[third.id] != nil && after[third.id] != after[speed.id])
        }
    }
}

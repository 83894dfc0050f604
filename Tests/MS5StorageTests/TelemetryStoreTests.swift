import Foundation
import Logging
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Telemetry storage")
struct TelemetryStoreTests {
    /// A plant with one speed metric on the slicer.
    static func speedMetric(_ database: Database) async throws -> (PlantFixture, Metric) {
        let plant = try await PlantFixture.make(database)
        let metric = try await MetricRepository(database: database).create(
            equipmentId: plant.equipment.id,
            MetricInput(key: "speed", name: "Speed", role: .speed, unit: "ppm", connector: .logix, address: "MC_Avg_Speed", dataType: "REAL"))
        return (plant, metric)
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z, a minute and hour boundary

    /// A store and the queries that read what it wrote, sharing one aggregator.
    static func telemetry(_ database: Database) -> (store: TelemetryStore, queries: TelemetryQueries) {
        let aggregator = TelemetryAggregator(database: database, logger: Logger(label: "test"))
        return (TelemetryStore(database: database, aggregator: aggregator), TelemetryQueries(database: database, aggregator: aggregator))
    }

    @Test("A batch is stored once: a retry with the same source and sequence changes nothing", arguments: TestDatabases.kinds)
    func idempotent(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await Self.speedMetric(database)
            let (store, queries) = Self.telemetry(database)
            let batch = TelemetryBatch(source: "edge-1", sequence: 7, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0, value: 10),
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(1), value: 20),
            ])
            let owners = [metric.id: plant.equipment.id]
            #expect(try await store.store(batch, equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))?.count == 2)
            #expect(try await store.store(batch, equipmentOf: owners, sampleKeys: try await TestSamples.keys(database)) == nil)
            let history = try await queries.history(
                metricId: metric.id, from: Self.t0, to: Self.t0.addingTimeInterval(60), maxPoints: 100)
            #expect(history.points.map(\.value) == [10, 20])
            let minute = try await database.read { db in
                try await db.raw("SELECT count, sum FROM metric_rollups_1m").first()
            }
            #expect(try minute?.decode(column: "count", as: Int.self) == 2)
            #expect(try minute?.decode(column: "sum", as: Double.self) == 30)
        }
    }

    @Test("Rollups keep min, max, average, last and count across batches", arguments: TestDatabases.kinds)
    func rollups(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await Self.speedMetric(database)
            let (store, queries) = Self.telemetry(database)
            let owners = [metric.id: plant.equipment.id]
            // Minute 0: 4, 9, 2 (two batches, the second arriving with an older sample); minute 1: 7.
            _ = try await store.store(TelemetryBatch(source: "s", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(10), value: 4),
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(50), value: 9),
            ]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))
            _ = try await store.store(TelemetryBatch(source: "s", sequence: 2, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(30), value: 2),
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(70), value: 7),
            ]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))
            // 4 raw samples do not fit 3 points: minute buckets (2) do.
            let history = try await queries.history(metricId: metric.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), maxPoints: 3)
            #expect(history.resolution == .minute)
            #expect(history.points == [
                HistoryPoint(timestamp: Self.t0, value: 5, min: 2, max: 9, count: 3),  // (4 + 9 + 2) / 3 = 5
                HistoryPoint(timestamp: Self.t0.addingTimeInterval(60), value: 7, min: 7, max: 7, count: 1),
            ])
            let last = try await database.read { db in
                try await db.raw("SELECT last FROM metric_rollups_1m WHERE count = 3").first(decodingColumn: "last", as: Double.self)
            }
            #expect(last == 9)  // the sample at +50 s is the minute's last, though it arrived first
            let hourly = try await queries.history(metricId: metric.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), maxPoints: 1)
            #expect(hourly.resolution == .hour)
            #expect(hourly.points == [HistoryPoint(timestamp: Self.t0, value: 5.5, min: 2, max: 9, count: 4)])  // 22 / 4
            let latest = try await queries.latest(equipmentId: plant.equipment.id)
            #expect(latest.map(\.value) == [7])
            #expect(latest.first?.key == "speed")
        }
    }

    @Test("A late sample does not replace a newer latest value", arguments: TestDatabases.kinds)
    func latestKeepsNewest(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await Self.speedMetric(database)
            let (store, queries) = Self.telemetry(database)
            let owners = [metric.id: plant.equipment.id]
            _ = try await store.store(TelemetryBatch(source: "s", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0.addingTimeInterval(100), value: 1)]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))
            _ = try await store.store(TelemetryBatch(source: "s", sequence: 2, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0, value: 2)]), equipmentOf: owners, sampleKeys: try await TestSamples.keys(database))
            let latest = try await queries.latest(equipmentId: plant.equipment.id)
            #expect(latest.first?.value == 1)
            #expect(latest.first?.timestamp == Self.t0.addingTimeInterval(100))
        }
    }

    @Test(
        "On PostgreSQL every sample lands in its month's partition, whether its batch is copied straight into one or through the table",
        arguments: TestDatabases.kinds.filter { $0 == .postgres })
    func copiesIntoMonthPartition(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await Self.speedMetric(database)
            let store = Self.telemetry(database).store
            let keys = try await TestSamples.keys(database)
            let now = Date()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let month = try #require(calendar.dateInterval(of: .month, for: now))
            let batches: [[Date]] = [
                [month.start, month.end.addingTimeInterval(-0.5)],  // this month, made ahead
                [month.end.addingTimeInterval(-1), month.end.addingTimeInterval(1)],  // across two months
                [Date(timeIntervalSince1970: 2_500_000_000)],  // 2049: no partition, the default one
            ]
            for (index, times) in batches.enumerated() {
                let samples = times.map { TelemetrySample(metricId: metric.id, timestamp: $0, value: Double(index)) }
                #expect(try await store.store(
                    TelemetryBatch(source: "edge", sequence: Int64(index), samples: samples),
                    equipmentOf: [metric.id: plant.equipment.id], sampleKeys: keys)?.count == times.count)
            }
            let rows = try await database.read { db in
                try await db.raw("SELECT tableoid::regclass::text AS p, count(*) AS n FROM metric_samples GROUP BY 1 ORDER BY 1").all()
            }
            let placed = try Dictionary(uniqueKeysWithValues: rows.map { (try $0.decode(column: "p", as: String.self), try $0.decode(column: "n", as: Int.self)) })
            let utc = TimeZone(identifier: "UTC")!
            let name = { (date: Date) in
                let parts = Calendar(identifier: .gregorian).dateComponents(in: utc, from: date)
                return String(format: "metric_samples_y%04dm%02d", parts.year!, parts.month!)
            }
            let (this, next) = (name(now), name(month.end))
            #expect(placed == [this: 3, next: 1, "metric_samples_default": 1])
        }
    }

    @Test("A metric with stored samples cannot be deleted; its key is unique per equipment", arguments: TestDatabases.kinds)
    func metricRules(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await Self.speedMetric(database)
            let metrics = MetricRepository(database: database)
            let duplicate = await #expect(throws: DomainError.self) {
                try await metrics.create(equipmentId: plant.equipment.id,
                                         MetricInput(key: "speed", name: "Again", role: .speed, connector: .push, address: "", dataType: "REAL"))
            }
            #expect(duplicate?.code == .conflict)
            _ = try await Self.telemetry(database).store.store(TelemetryBatch(source: "s", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: Self.t0, value: 1)]), equipmentOf: [metric.id: plant.equipment.id], sampleKeys: try await TestSamples.keys(database))
            let refused = await #expect(throws: DomainError.self) { try await metrics.delete(metric.id) }
            #expect(refused?.message == "The metric still has 1 stored sample(s); it cannot be deleted until they are removed.")
        }
    }
}

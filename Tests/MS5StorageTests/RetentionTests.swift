import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Retention")
struct RetentionTests {
    @Test("Rows older than the policy keeps are deleted, newer and still-open ones kept", arguments: TestDatabases.kinds)
    func enforce(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, metric) = try await TelemetryStoreTests.speedMetric(database)
            let now = TelemetryStoreTests.t0
            let day: TimeInterval = 86_400
            let (store, queries) = TelemetryStoreTests.telemetry(database)
            // Samples 40 days and 1 day old; rollups follow them.
            _ = try await store.store(TelemetryBatch(source: "s", sequence: 1, samples: [
                TelemetrySample(metricId: metric.id, timestamp: now.addingTimeInterval(-40 * day), value: 1),
                TelemetrySample(metricId: metric.id, timestamp: now.addingTimeInterval(-1 * day), value: 2),
            ]), equipmentOf: [metric.id: plant.equipment.id], sampleKeys: try await TestSamples.keys(database))
            try await store.aggregator.flush()
            // A state interval closed 800 days ago and one opened 800 days ago and still open.
            try await database.transaction { db in
                for (start, end) in [(now.addingTimeInterval(-800 * day), Optional(now.addingTimeInterval(-799 * day))),
                                     (now.addingTimeInterval(-799 * day), nil)] {
                    try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "end_ts", "state", "mode", "source")
                        .values(SQLBind(plant.equipment.id), SQLBind(start), SQLBind(end), SQLBind("running"), SQLBind("production"), SQLBind("test"))
                        .run()
                }
            }
            let deleted = try await Retention(database: database).enforce(RetentionPolicy(rawDays: 30, minuteDays: 30, hourDays: 365), now: now)
            #expect(deleted["metric_samples"] == 1)
            #expect(deleted["metric_rollups_1m"] == 1)
            #expect(deleted["metric_rollups_1h"] == 0)
            #expect(deleted["state_intervals"] == 1)
            let history = try await queries.history(
                metricId: metric.id, from: now.addingTimeInterval(-50 * day), to: now, maxPoints: 100)
            #expect(history.points.map(\.value) == [2])
            let open = try await StateStore(database: database).openInterval(equipmentId: plant.equipment.id)
            #expect(open?.start == now.addingTimeInterval(-799 * day))
        }
    }
}

import Foundation
import Logging
import MS5Domain
import MS5Ingest
@testable import MS5Server
import MS5Simulator
import MS5Storage
import SQLKit
import Testing

@Suite("The simulated line through the real pipeline, accelerated")
struct SimulatedDayTests {
    @Test("Eight simulated hours: every bound sample stored, every Bagger 1 fault recorded with the simulator's times")
    func eightHours() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let logger = Logger(label: "ms5.test")
        try await Database.withOpen(.sqliteFile(path: folder.appendingPathComponent("sim.sqlite").path), logger: logger) { database in
            try await Migrator(database: database).migrate()
            try await DemoPlant.prepare(
                database: database, accounts: AccountService(database: database, bcryptCost: 4), say: { _ in })
            let metrics = try await MetricRepository(database: database).all()
            let codes = Dictionary(uniqueKeysWithValues: try await EquipmentRepository(database: database)
                .list(PageRequest(limit: 500)).items.map { ($0.id, $0.code) })
            let bound = Dictionary(uniqueKeysWithValues: metrics.map { ("\(codes[$0.equipmentId]!)/\($0.address)", $0.id) })
            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: logger)

            let start = try Date("2027-03-01T04:00:00Z", strategy: .iso8601)
            let end = start.addingTimeInterval(8 * 3600)
            var simulator = BreadLineSimulator(seed: 7, start: start)
            var sent = 0
            var sequence: Int64 = 0
            var now = start
            while now < end {
                now = now.addingTimeInterval(60)
                let samples = simulator.advance(to: now).compactMap { sample in
                    bound["\(sample.equipment)/\(sample.metric)"].map { TelemetrySample(metricId: $0, timestamp: sample.timestamp, value: sample.value) }
                }
                guard !samples.isEmpty else { continue }
                sequence += 1
                let result = try await pipeline.ingest(TelemetryBatch(source: "sim", sequence: sequence, samples: samples))
                #expect(result.stored == samples.count)
                sent += samples.count
            }
            let stored = try await database.read { db in
                try await db.raw("SELECT count(*) AS n FROM metric_samples").first(decodingColumn: "n", as: Int.self) ?? 0
            }
            #expect(stored == sent)
            #expect(sent > 10_000)

            let bagger = try await EquipmentRepository(database: database).withCode("BAG1", siteCode: nil)
            let recorded = try await FaultEventStore(database: database).events(equipmentId: bagger.id, from: start, to: end, limit: 10_000)
            let expected = simulator.faultHistory.filter { occurrence in
                occurrence.bit.map { bit in FaultCatalog.bagger1Sample.contains { $0.bit == bit } } ?? false
            }
            #expect(!expected.isEmpty)
            for occurrence in expected {
                let match = recorded.first { $0.code == "F\(occurrence.bit!)" && $0.start == occurrence.start }
                #expect(match != nil, "no fault event for bit \(occurrence.bit!) at \(occurrence.start)")
                if let end = occurrence.end, end <= now { #expect(match?.end == end, "bit \(occurrence.bit!) from \(occurrence.start)") }
            }
            let states = try await StateStore(database: database).intervals(equipmentId: bagger.id, from: start, to: end, limit: 10_000)
            #expect(Set(states.map(\.state)).isSuperset(of: [.running, .held]))
            for (previous, next) in zip(states, states.dropFirst()) {
                #expect(previous.end == next.start, "the timeline has a gap or an overlap at \(next.start)")
            }
        }
    }
}

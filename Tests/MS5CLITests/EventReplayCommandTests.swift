import Foundation
import Logging
import MS5Domain
import MS5Kafka
import MS5KafkaTestSupport
import MS5Storage
import MS5TestSupport
import Testing

@Suite("ms5 events replay")
struct EventReplayCommandTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)

    /// A plant database in `folder` with three Andon calls, raised at t0 (2026-11-30T00:53:20Z),
    /// t0 + 1 h and t0 + 2 h and
    /// each acknowledged at once: six events.
    static func database(in folder: URL) async throws -> [AndonCall] {
        try await Database.withOpen(.sqliteFile(path: folder.appendingPathComponent("plant.sqlite").path), logger: Logger(label: "test")) { database in
            try await Migrator(database: database).migrate()
            let plant = try await PlantFixture.make(database)
            var calls: [AndonCall] = []
            for hour in 0..<3 {
                let store = AndonCallStore(database: database, clock: { t0.addingTimeInterval(Double(hour) * 3600) })
                let raised = try await store.raise(AndonCallInput(lineId: plant.line.id, category: .help, priority: .low, text: "Call \(hour)"), by: "op")
                _ = try await store.act(raised.call.id, AndonCallAction(status: .acknowledged), by: "lead")
                calls.append(raised.call)
            }
            return calls
        }
    }

    @Test("Replays the events of a time range and types to Kafka with their ids, and says how many")
    func replays() async throws {
        let folder = try MS5Process.temporaryFolder()
        let calls = try await Self.database(in: folder)
        try await NoidaKafkaBroker.with { broker in
            // From t0 + 30 min to t0 + 3 h: the second and third calls; triggered only: two events.
            let result = try await MS5Process.run([
                "events", "replay", "--database", "sqlite:plant.sqlite", "--from", "2026-11-30T01:23:20Z", "--to", "2026-11-30T03:53:20Z",
                "--type", "andon.triggered.v1",
            ], in: folder, environment: ["MS5_KAFKA_BROKERS": broker.bootstrapServers.joined(separator: ","), "MS5_KAFKA_TOPIC_PREFIX": "replay"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("published 2 of 2"))
            #expect(result.stdout.contains("Replayed 2 events from 2026-11-30T01:23:20Z to 2026-11-30T03:53:20Z"))
            let records = try await Kcat.consume(bootstrapServers: broker.bootstrapServers, topic: "replay.andon", count: 2)
            #expect(records.map(\.key) == calls[1...].map { $0.id.uuidString.lowercased() })
            #expect(records.allSatisfy { $0.headers.text(of: "ce_type") == "andon.triggered.v1" })
        }
    }

    @Test("Without Kafka, with a bad range or an unknown type, it refuses and says why")
    func refuses() async throws {
        let folder = try MS5Process.temporaryFolder()
        _ = try await Self.database(in: folder)
        let range = ["--from", "2026-11-30T00:00:00Z", "--to", "2026-11-30T03:00:00Z"]
        let noKafka = try await MS5Process.run(["events", "replay", "--database", "sqlite:plant.sqlite"] + range, in: folder)
        #expect(noKafka.status != 0 && noKafka.stderr.contains("kafka.brokers is not set"))
        let kafka = ["MS5_KAFKA_BROKERS": "127.0.0.1:9"]
        let reversed = try await MS5Process.run(
            ["events", "replay", "--database", "sqlite:plant.sqlite", "--from", "2026-11-30T03:00:00Z", "--to", "2026-11-30T00:00:00Z"],
            in: folder, environment: kafka)
        #expect(reversed.status != 0 && reversed.stderr.contains("--to must be an ISO 8601 time after --from"))
        let unknown = try await MS5Process.run(
            ["events", "replay", "--database", "sqlite:plant.sqlite", "--type", "andon.sneezed.v1"] + range, in: folder, environment: kafka)
        #expect(unknown.status != 0 && unknown.stderr.contains("andon.sneezed.v1 is not an event type"))
    }
}

import Foundation
import Logging
import MS5Domain
import MS5Kafka
import MS5KafkaTestSupport
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Kafka relay under kill -9")
struct RelayKillTests {
    static let events = 20_000

    @Test("ms5 killed with SIGKILL while relaying, twice: every event reaches Kafka, repeats only with their id, in order per key")
    func killNine() async throws {
        let folder = try MS5Process.temporaryFolder()
        let path = folder.appendingPathComponent("plant.sqlite").path
        let written = try await Database.withOpen(.sqliteFile(path: path), logger: Logger(label: "test")) { database in
            try await Migrator(database: database).migrate()
            let plant = try await PlantFixture.make(database)
            let placement = EventPlacement(siteId: plant.site.id, lineId: plant.line.id, equipmentId: plant.equipment.id)
            let outbox = Outbox(database: database)
            for first in stride(from: 0, to: Self.events, by: 1000) {
                try await outbox.publish(try (first..<first + 1000).map { index in
                    // Ten aggregates, so that order per key is checked across the kills.
                    let key = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, UInt8(index % 10)))
                    return try CanonicalEvent(
                        type: .machineFault, time: Date(timeIntervalSince1970: 1_796_000_000 + Double(index)), subjectKind: "equipment",
                        aggregateId: key, placement: placement, data: ["index": index])
                })
            }
            return try await EventLog(database: database).events(after: 0, limit: Self.events)
        }
        try await NoidaKafkaBroker.with { broker in
            let environment = ["MS5_KAFKA_BROKERS": broker.bootstrapServers.joined(separator: ","), "MS5_KAFKA_TOPIC_PREFIX": "kill"]
            // Two instances killed mid-flight, then one that finishes.
            for round in 0..<3 {
                let server = try MS5Process(
                    ["serve", "--database", "sqlite:plant.sqlite", "--port", "0", "--log-level", "error"],
                    in: folder, environment: environment)
                let target = round < 2 ? Int64(Self.events / 4 * (round + 1)) : Int64(Self.events)
                try await Self.waitForRelayed(path, atLeast: target, while: server)
                if round < 2 {
                    kill(server.process.processIdentifier, SIGKILL)
                    _ = try await server.waitForExit(timeout: .seconds(30))
                } else {
                    #expect(try await server.terminate() == 0)
                }
            }
            try await Self.expectDelivered(written, brokers: broker.bootstrapServers, topic: "kill.machine.fault")
        }
    }

    /// Waits until the relay's stored position in the database at `path` reaches `position`.
    static func waitForRelayed(_ path: String, atLeast position: Int64, while server: MS5Process) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            guard server.process.isRunning else { throw Failure("ms5 ended: \(server.stderr)") }
            let relayed = try await Database.withOpen(.sqliteFile(path: path), logger: Logger(label: "test")) { database in
                try await EventLog(database: database).position(of: "kafka")
            }
            if let relayed, relayed >= position { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure("the relay did not reach position \(position) in time")
    }

    /// Reads the topic back: every written event at least once, a repeat only with the same id and
    /// data, and each key's events in outbox order at their first delivery.
    static func expectDelivered(_ written: [RecordedEvent], brokers: [String], topic: String) async throws {
        let consumer = try KafkaConsumer(configuration: KafkaConfiguration(bootstrapServers: brokers), groupID: "check-\(UUID())", topics: [topic])
        let byId = Dictionary(uniqueKeysWithValues: written.map { ($0.event.id.uuidString.lowercased(), $0) })
        var firstSeen: [String: Int64] = [:]
        var lastFirstPosition: [String: Int64] = [:]
        var repeats = 0
        let deadline = ContinuousClock.now + .seconds(120)
        while firstSeen.count < written.count, ContinuousClock.now < deadline {
            guard let record = try await consumer.poll(timeout: .milliseconds(200)) else { continue }
            let id = record.headers.text(of: "ce_id") ?? ""
            guard let event = byId[id] else {
                Issue.record("a message that is not in the outbox: \(id)")
                continue
            }
            #expect(String(decoding: record.value, as: UTF8.self) == event.event.data)
            if firstSeen[id] != nil {
                repeats += 1
                continue
            }
            firstSeen[id] = event.position
            let key = String(decoding: record.key ?? [], as: UTF8.self)
            #expect((lastFirstPosition[key] ?? 0) < event.position, "key \(key): position \(event.position) after \(lastFirstPosition[key] ?? 0)")
            lastFirstPosition[key] = event.position
        }
        await consumer.close()
        #expect(firstSeen.count == written.count, "lost \(written.count - firstSeen.count) events")
        // Repeats are what was sent and not yet acknowledged when an instance was killed: at most
        // the batches in flight (500 events each) of the two kills.
        #expect(repeats <= 2 * 500)
    }
}

import Foundation
import MS5Domain
import MS5Events
import MS5Kafka
import MS5KafkaTestSupport
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Kafka relay")
struct KafkaRelayTests {
    @Test("The outbox reaches a separate Kafka broker in order: data as the body, CloudEvents headers, keyed by the aggregate", arguments: TestDatabases.kinds)
    func endToEnd(_ kind: Database.Kind) async throws {
        try await NoidaKafkaBroker.with { broker in
            try await TestDatabases.with(kind) { database in
                let plant = try await PlantFixture.make(database)
                let calls = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 3)
                let relay = try RelayFixture.relay(database, brokers: broker.bootstrapServers)
                let running = Task { try await relay.run() }
                defer { running.cancel() }
                // The relay's stored position moves once the broker has acknowledged.
                let log = EventLog(database: database)
                try await RelayFixture.wait(until: "the relay stored position 6") { try await log.position(of: KafkaRelay.consumer) == 6 }
                // An independent consumer (kcat) reads the topic of the Andon family.
                let records = try await Kcat.consume(bootstrapServers: broker.bootstrapServers, topic: "test.andon", count: 6)
                let events = try await log.events(after: 0, limit: 10)
                #expect(records.map(\.payload) == events.map(\.event.data))
                #expect(records.map(\.key) == events.map { $0.event.aggregateId.uuidString.lowercased() })
                #expect(records.map { $0.headers.text(of: "ce_id") } == events.map { $0.event.id.uuidString.lowercased() })
                #expect(records.map { $0.headers.text(of: "ce_type") }
                        == Array(repeating: ["andon.triggered.v1", "andon.acknowledged.v1"], count: 3).flatMap { $0 })
                #expect(records.map { $0.headers.text(of: "ce_position") } == (1...6).map { "\($0)" })
                let first = records[0].headers
                #expect(first.text(of: "ce_specversion") == "1.0")
                #expect(first.text(of: "ce_source") == "/ms5/sites/\(plant.site.id.uuidString.lowercased())")
                #expect(first.text(of: "ce_subject") == "andon-call/\(calls[0].id.uuidString.lowercased())")
                #expect(first.text(of: "ce_dataschema") == "/v1/events/schemas/andon.triggered.v1")
                #expect(first.text(of: "ce_time") == EventData.time(calls[0].raisedAt))
                #expect(first.text(of: "content-type") == "application/json")
                #expect(first.text(of: "ce_lineid") == plant.line.id.uuidString.lowercased())
                #expect(relay.status.sent == 6 && relay.status.failed == 0 && relay.status.relaying)
            }
        }
    }

    @Test("Broker down, then up: nothing is lost, the position waits for acknowledgements, order per key holds", arguments: TestDatabases.kinds)
    func brokerDownAndUp(_ kind: Database.Kind) async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            try cluster.setBrokerDown(1)
            _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 5)
            let relay = try RelayFixture.relay(database, brokers: cluster.bootstrapServers, messageTimeout: .seconds(1))
            let running = Task { try await relay.run() }
            defer { running.cancel() }
            try await RelayFixture.wait(until: "the relay saw a delivery fail") { relay.status.failed > 0 }
            let log = EventLog(database: database)
            #expect(try await log.position(of: KafkaRelay.consumer) == 0)
            try cluster.setBrokerUp(1)
            _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 5)
            try await RelayFixture.wait(until: "every event was acknowledged") { try await log.position(of: KafkaRelay.consumer) == 20 }
            try await ConsumedEvents.expectAll(try await log.events(after: 0, limit: 100), from: cluster.bootstrapServers, topic: "test.andon")
        }
    }

    @Test("Two instances: one relays, the other takes over when it stops, and every event arrives", arguments: TestDatabases.kinds)
    func takeover(_ kind: Database.Kind) async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            // A lease long enough that a loaded machine renews it in time: the second takes over
            // because the first gives the lease up as it stops, not because it ran out.
            let first = try RelayFixture.relay(database, brokers: cluster.bootstrapServers, holder: "first", lease: .seconds(60))
            let second = try RelayFixture.relay(database, brokers: cluster.bootstrapServers, holder: "second", lease: .seconds(60))
            let runningFirst = Task { try await first.run() }
            let log = EventLog(database: database)
            _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 3)
            try await RelayFixture.wait(until: "the first relayed") { try await log.position(of: KafkaRelay.consumer) == 6 }
            let runningSecond = Task { try await second.run() }
            defer { runningSecond.cancel() }
            // The second waits as a standby while the first holds the lease.
            _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 3)
            try await RelayFixture.wait(until: "the first relayed again") { try await log.position(of: KafkaRelay.consumer) == 12 }
            #expect(second.status.sent == 0)
            runningFirst.cancel()
            try await runningFirst.value
            _ = try await RelayFixture.writeAndonEvents(database, plant: plant, calls: 3)
            try await RelayFixture.wait(until: "the second took over") { try await log.position(of: KafkaRelay.consumer) == 18 }
            // The first gave its lease up as it stopped, so the second relayed the rest at once.
            #expect(second.status.sent >= 6 && first.status.sent >= 12)
            try await ConsumedEvents.expectAll(try await log.events(after: 0, limit: 100), from: cluster.bootstrapServers, topic: "test.andon")
        }
    }
}

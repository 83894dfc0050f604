import Foundation
import MS5Domain
import MS5Events
import MS5Identity
import MS5Kafka
import MS5KafkaTestSupport
import MS5Storage
import MS5TestSupport
import Testing

@Suite("ERP orders in")
struct ERPOrderConsumerTests {
    static let topic = "erp.production-order.v1"

    /// A consumer of `topic` on `broker` into `database`.
    static func consumer(_ database: Database, brokers: [String]) throws -> ERPOrderConsumer {
        let configuration = KafkaConfiguration(bootstrapServers: brokers)
        return ERPOrderConsumer(
            consumer: try KafkaConsumer(configuration: configuration, groupID: "ms5-test-\(UUID())", topics: [topic]),
            deadLetters: try KafkaProducer(configuration: configuration), inbox: ERPOrderInbox(database: database, source: topic),
            deadLetterTopic: "\(topic).dead-letter", retryDelay: .milliseconds(100), logger: RelayFixture.logger)
    }

    @Test("Orders written to the ERP topic appear on the line; bad messages go to the dead-letter topic with the reason", arguments: TestDatabases.kinds)
    func ordersIn(_ kind: Database.Kind) async throws {
        try await NoidaKafkaBroker.with { broker in
            try await TestDatabases.with(kind) { database in
                let plant = try await PlantFixture.make(database)
                _ = try await ProductRepository(database: database).create(ProductInput(code: "WHT-800", name: "White 800 g", idealCycleSeconds: 1))
                let create = #"{"id":"m1","action":"create","orderNumber":"4711","siteCode":"BAK1","equipmentCode":"SLC1","productCode":"WHT-800","quantity":1200,"plannedStart":"2026-12-08T06:00:00Z","plannedEnd":"2026-12-08T14:00:00Z"}"#
                let lines: [(key: String, value: String)] = [
                    ("4711", create),
                    ("4711", create),  // delivered again: changes nothing
                    ("4711", #"{"id":"m2","action":"changeQuantity","orderNumber":"4711","quantity":1500}"#),
                    ("4711", #"{"id":"m3","action":"release","orderNumber":"4711"}"#),
                    ("4712", "not json at all"),
                    ("4712", #"{"id":"m4","action":"create","orderNumber":"4712","siteCode":"BAK1","equipmentCode":"SLC1","productCode":"RYE-500","quantity":10,"plannedStart":"2026-12-08T06:00:00Z","plannedEnd":"2026-12-08T14:00:00Z"}"#),
                    ("4713", #"{"id":"m5","action":"release"}"#),
                    ("4714", #"{"id":"m6","action":"cancel","orderNumber":"4714"}"#),
                ]
                try await Kcat.produce(bootstrapServers: broker.bootstrapServers, topic: Self.topic, lines: lines)
                let consumer = try Self.consumer(database, brokers: broker.bootstrapServers)
                let running = Task { try await consumer.run() }
                defer { running.cancel() }
                try await RelayFixture.wait(until: "every message was taken") { consumer.figures.applied + consumer.figures.deadLettered == 8 }
                #expect(consumer.figures.applied == 4 && consumer.figures.deadLettered == 4)

                let orders = try await ProductionOrderRepository(database: database).list(equipmentId: plant.equipment.id, PageRequest())
                #expect(orders.items.map(\.number) == ["4711"])
                #expect(orders.items.first?.plannedQuantity == 1500 && orders.items.first?.status == .released)

                let dead = try await Kcat.consume(bootstrapServers: broker.bootstrapServers, topic: "\(Self.topic).dead-letter", count: 4)
                let reasons = dead.map { $0.headers.text(of: "ms5_error") ?? "" }
                #expect(reasons[0] == "the message is not JSON")
                #expect(reasons[1] == "/productCode names no product")
                #expect(reasons[2] == "the field orderNumber is missing")
                #expect(reasons[3] == "No production order with id 4714 exists.")
                #expect(dead.map(\.payload) == [lines[4].value, lines[5].value, lines[6].value, lines[7].value])
                #expect(dead.allSatisfy { $0.headers.text(of: "ms5_source_topic") == Self.topic })
            }
        }
    }

    @Test("Applying a message is recorded by its id with the change, and a message seen again changes nothing", arguments: TestDatabases.kinds)
    func idempotentByMessageId(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            _ = try await PlantFixture.make(database)
            _ = try await ProductRepository(database: database).create(ProductInput(code: "WHT-800", name: "White 800 g", idealCycleSeconds: 1))
            let inbox = ERPOrderInbox(database: database, source: Self.topic)
            let start = Date(timeIntervalSince1970: 1_796_700_000)
            let create = ERPOrderMessage(
                id: "m1", action: .create, orderNumber: "4711", siteCode: "BAK1", equipmentCode: "SLC1", productCode: "WHT-800", quantity: 100,
                plannedStart: start, plannedEnd: start.addingTimeInterval(8 * 3600))
            #expect(try await inbox.apply(create) == .created)
            #expect(try await inbox.apply(create) == .alreadyApplied)
            let cancel = ERPOrderMessage(id: "m2", action: .cancel, orderNumber: "4711")
            #expect(try await inbox.apply(cancel) == .cancelled)
            // The cancel delivered again is known by its id: no "order not found".
            #expect(try await inbox.apply(cancel) == .alreadyApplied)
            // A create with a new id but another plan for an existing number is refused.
            #expect(try await inbox.apply(ERPOrderMessage(
                id: "m3", action: .create, orderNumber: "4711", siteCode: "BAK1", equipmentCode: "SLC1", productCode: "WHT-800", quantity: 100,
                plannedStart: start, plannedEnd: start.addingTimeInterval(8 * 3600))) == .created)
            await #expect(throws: DomainError.self) {
                _ = try await inbox.apply(ERPOrderMessage(
                    id: "m4", action: .create, orderNumber: "4711", siteCode: "BAK1", equipmentCode: "SLC1", productCode: "WHT-800", quantity: 999,
                    plannedStart: start, plannedEnd: start.addingTimeInterval(8 * 3600)))
            }
            let history = try await AuditLedger.history(database, recordType: "production order", recordId: try await ProductionOrderRepository(database: database)
                .list(equipmentId: nil, PageRequest()).items[0].id.uuidString.lowercased())
            #expect(history.first?.actor == "erp" && history.first?.reason == "\(Self.topic) message m3")
        }
    }
}

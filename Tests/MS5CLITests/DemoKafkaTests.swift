import Foundation
import MS5Kafka
import MS5KafkaTestSupport
import Testing

@Suite("ms5 demo with Kafka, end to end")
struct DemoKafkaTests {
    @Test("A stop on the demo plant reaches a Kafka consumer as production.stop.unplanned.v1 with its schema; an order on the ERP topic appears on the line")
    func stopsOutOrdersIn() async throws {
        try await NoidaKafkaBroker.with { broker in
            let brokers = broker.bootstrapServers
            let folder = try MS5Process.temporaryFolder()
            // The simulated line runs 60 times faster than the clock, so that it stops within seconds.
            let demo = try MS5Process(
                ["demo", "--port", "0"], in: folder,
                environment: ["MS5_KAFKA_BROKERS": brokers.joined(separator: ","), "MS5_SIMULATOR_SPEED": "60"])
            let password = String(try await demo.waitForLine(startingWith: "password: ").dropFirst("password: ".count))
            let base = try await demo.demoAddress()
            let login = try await MS5Process.http("POST", "\(base)/v1/auth/login", json: #"{"username":"admin","password":"\#(password)"}"#)
            let token = try #require(try Self.object(login.body)["token"] as? String)

            // Out: the first unplanned stop, read by kcat as any consumer would.
            var stop: Kcat.Record?
            var offset = 0
            while stop == nil, offset < 100 {
                let record = try #require(try await Kcat.awaitRecords(bootstrapServers: brokers, topic: "ms5.production.stop", from: "\(offset)", count: 1).first)
                if record.headers.text(of: "ce_type") == "production.stop.unplanned.v1" { stop = record }
                offset += 1
            }
            let record = try #require(stop)
            let body = try Self.object(try #require(record.payload))
            // Keys and headers write ids in lower case, JSON bodies as Foundation does (upper case):
            // ids are compared as UUIDs.
            let equipmentId = try #require((body["equipmentId"] as? String).flatMap(UUID.init(uuidString:))?.uuidString.lowercased())
            #expect(record.key == equipmentId)
            #expect(record.headers.text(of: "ce_specversion") == "1.0")
            #expect(record.headers.text(of: "ce_subject") == "equipment/\(equipmentId)")
            #expect(record.headers.text(of: "ce_source")?.hasPrefix("/ms5/sites/") == true)
            let eventId = try #require(record.headers.text(of: "ce_id").flatMap(UUID.init(uuidString:)))
            let schemaPath = try #require(record.headers.text(of: "ce_dataschema"))
            #expect(schemaPath == "/v1/events/schemas/production.stop.unplanned.v1")

            // The body is valid by the schema ms5 serves for the type, as an independent validator reads it.
            let schema = try await MS5Process.http("GET", "\(base)\(schemaPath)", token: token)
            #expect(schema.status == 200)
            let dataSchema = try #require(try Self.object(schema.body)["x-data-schema"] as? String)
            let violations = try await JSONSchemaCheck.violations(
                of: Data(try #require(record.payload).utf8), against: Data(schema.body.utf8), definition: dataSchema)
            #expect(violations.isEmpty, "\(violations)")
            // The same validator does refuse a body that is not a stop.
            let refused = try await JSONSchemaCheck.violations(
                of: Data(#"{"equipmentId":"BAG1"}"#.utf8), against: Data(schema.body.utf8), definition: dataSchema)
            #expect(!refused.isEmpty)
            // The same event, by its id, in the replay API.
            let replay = try await MS5Process.http("GET", "\(base)/v1/events?type=production.stop.unplanned.v1&limit=100", token: token)
            let replayed = (try Self.object(replay.body)["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? String).flatMap(UUID.init(uuidString:)) }
            #expect(replayed.contains(eventId))

            // In: an order, then a message that cannot be applied. The consumer takes them in turn, so
            // once the second is in the dead-letter topic the first is on the line.
            let order = #"{"id":"sap-e2e-1","action":"create","orderNumber":"E2E-4711","siteCode":"BAK1","equipmentCode":"BAG1","productCode":"BREAD-101","quantity":1200,"plannedStart":"2026-12-08T06:00:00Z","plannedEnd":"2026-12-08T14:00:00Z"}"#
            let unusable = #"{"id":"sap-e2e-2","action":"release"}"#
            // The schema ms5 serves for the ERP's messages takes the order and refuses the other.
            let orderSchema = try await MS5Process.http("GET", "\(base)/v1/events/schemas/erp.production-order.v1", token: token)
            #expect(try await JSONSchemaCheck.violations(of: Data(order.utf8), against: Data(orderSchema.body.utf8)).isEmpty)
            #expect(try await JSONSchemaCheck.violations(of: Data(unusable.utf8), against: Data(orderSchema.body.utf8)) == [
                "$: 'orderNumber' is a required property",
            ])
            try await Kcat.produce(
                bootstrapServers: brokers, topic: "erp.production-order.v1",
                lines: [("E2E-4711", order), ("E2E-4712", unusable)])
            let dead = try await Kcat.awaitRecords(bootstrapServers: brokers, topic: "erp.production-order.v1.dead-letter", count: 1)
            #expect(dead[0].headers.text(of: "ms5_error") == "the field orderNumber is missing")
            let orders = try await MS5Process.http("GET", "\(base)/v1/orders?limit=200", token: token)
            let created = try #require((try Self.object(orders.body)["items"] as? [[String: Any]])?.first { $0["number"] as? String == "E2E-4711" })
            #expect(created["plannedQuantity"] as? Double == 1200 && created["status"] as? String == "planned")

            #expect(try await demo.terminate() == 0)
        }
    }

    private static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}

import Foundation
import Logging
import MS5Connectors
import MS5Domain
import MS5Ingest
import MS5MQTT
import MS5MQTTTestSupport
import MS5Storage
import MS5TestSupport
import NIOSSL
import SwiftProtobuf
import Testing

@Suite("MQTT connector")
struct MQTTConnectorTests {
    @Test("Topics bound to metrics, with and without a JSON path, are stored; a payload that does not fit gives a bad sample")
    func topics() async throws {
        try await MosquittoBroker.with { broker in
            try await TestDatabases.with(.sqlite) { database in
                let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
                let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
                let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
                let filler = try await EquipmentRepository(database: database).create(
                    EquipmentInput(lineId: line.id, code: "FILL1", name: "Filler 1", type: "filler", criticality: 4))
                let metrics = MetricRepository(database: database)
                let speed = try await metrics.create(equipmentId: filler.id, MetricInput(
                    key: "speed", name: "Speed", role: .speed, connector: .mqtt, address: "bakery/bread1/fill1/speed", dataType: "REAL"))
                let good = try await metrics.create(equipmentId: filler.id, MetricInput(
                    key: "good", name: "Good", role: .counterGood, connector: .mqtt, address: "bakery/bread1/fill1/status#$.counts.good", dataType: "DINT"))
                _ = try await PLCConnectionStore(database: database).set(
                    equipmentId: filler.id, PLCConnectionInput(host: "127.0.0.1", port: broker.port, slot: 0, protocol: .mqtt))

                let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
                let service = PLCConnectorService(database: database, pipeline: pipeline, reloadInterval: .milliseconds(200), logger: Logger(label: "test"))
                let running = Task { try await service.run() }
                let publisher = MQTTClient(configuration: MQTTClientConfiguration(host: "127.0.0.1", port: broker.port, clientIdentifier: "test-publisher"))
                try await publisher.connect()
                func latest() async throws -> [UUID: (Double?, Int)] {
                    Dictionary(try await pipeline.queries.latest(equipmentId: filler.id).map { ($0.metricId, ($0.value, $0.quality)) }) { a, _ in a }
                }
                // The connector subscribes shortly after it starts: publish until it has taken both.
                try await PLCConnectorTests.eventually("both values") {
                    try await publisher.publish(topic: "bakery/bread1/fill1/speed", payload: "42.5", qos: .atLeastOnce)
                    try await publisher.publish(topic: "bakery/bread1/fill1/status", payload: #"{"counts":{"good":1200,"reject":3}}"#, qos: .atLeastOnce)
                    let values = try await latest()
                    return values[speed.id]?.0 == 42.5 && values[good.id]?.0 == 1200
                }
                try await PLCConnectorTests.eventually("the bad sample") {
                    try await publisher.publish(topic: "bakery/bread1/fill1/status", payload: #"{"counts":{}}"#, qos: .atLeastOnce)
                    return try await latest()[good.id]?.1 == 0
                }
                let status = try #require(await service.links.statuses().first)
                #expect(status.protocol == .mqtt && status.connected && status.equipmentCode == "FILL1")
                await publisher.disconnect()
                running.cancel()
                try await running.value
            }
        }
    }

    @Test("A connection with a user name, password and TLS (trusting the broker's own CA file) reads its topics; a wrong password is reported")
    func credentialsAndTLS() async throws {
        try await MosquittoBroker.with(users: ["line1": "s3cret-pass"], tls: true) { broker in
            try await TestDatabases.with(.sqlite) { database in
                let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
                let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
                let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
                let filler = try await EquipmentRepository(database: database).create(
                    EquipmentInput(lineId: line.id, code: "FILL1", name: "Filler 1", type: "filler", criticality: 4))
                let speed = try await MetricRepository(database: database).create(equipmentId: filler.id, MetricInput(
                    key: "speed", name: "Speed", role: .speed, connector: .mqtt, address: "bakery/bread1/fill1/speed", dataType: "REAL"))
                let certificate = try #require(broker.certificate).path
                let connections = PLCConnectionStore(database: database)
                let wrong = PLCConnectionInput(
                    host: "localhost", port: broker.port, protocol: .mqtt, username: "line1", password: "not-it", tls: true, tlsCAFile: certificate)
                _ = try await connections.set(equipmentId: filler.id, wrong)

                let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
                let service = PLCConnectorService(database: database, pipeline: pipeline, reloadInterval: .milliseconds(200), logger: Logger(label: "test"))
                let running = Task { try await service.run() }
                try await PLCConnectorTests.eventually("the refused sign-in reported") {
                    let status = await service.links.statuses().first
                    return status?.connected == false && (status?.lastError ?? "").lowercased().contains("not authorized")
                }

                var right = wrong
                right.password = "s3cret-pass"
                let stored = try await connections.set(equipmentId: filler.id, right)
                #expect(stored.hasPassword && stored.username == "line1" && stored.tls && stored.tlsCAFile == certificate)
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.trustRoots = .file(certificate)
                var publisherConfiguration = MQTTClientConfiguration(host: "127.0.0.1", port: broker.port, clientIdentifier: "test-publisher")
                publisherConfiguration.credentials = MQTTCredentials(username: "line1", password: "s3cret-pass")
                publisherConfiguration.tls = tls
                publisherConfiguration.tlsServerName = "localhost"
                let publisher = MQTTClient(configuration: publisherConfiguration)
                try await publisher.connect()
                try await PLCConnectorTests.eventually("the value over TLS") {
                    try await publisher.publish(topic: "bakery/bread1/fill1/speed", payload: "61.5", qos: .atLeastOnce)
                    return try await pipeline.queries.latest(equipmentId: filler.id).first { $0.metricId == speed.id }?.value == 61.5
                }
                #expect(await service.links.statuses().first?.connected == true)
                await publisher.disconnect()
                running.cancel()
                try await running.value
            }
        }
    }

    @Test("Sparkplug B: device metrics by name after their birth and by alias after it; a device death marks them bad and the link disconnected")
    func sparkplug() async throws {
        try await MosquittoBroker.with { broker in
            try await TestDatabases.with(.sqlite) { database in
                let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
                let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
                let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
                let bagger = try await EquipmentRepository(database: database).create(
                    EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
                let count = try await MetricRepository(database: database).create(equipmentId: bagger.id, MetricInput(
                    key: "count", name: "Count", role: .counterTotal, connector: .sparkplug, address: "Bakery/Edge1/Bagger1:Count", dataType: "DINT"))
                _ = try await PLCConnectionStore(database: database).set(
                    equipmentId: bagger.id, PLCConnectionInput(host: "127.0.0.1", port: broker.port, slot: 0, protocol: .sparkplug))
                let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
                let service = PLCConnectorService(database: database, pipeline: pipeline, reloadInterval: .milliseconds(200), logger: Logger(label: "test"))
                let running = Task { try await service.run() }
                let edge = MQTTClient(configuration: MQTTClientConfiguration(host: "127.0.0.1", port: broker.port, clientIdentifier: "test-edge"))
                try await edge.connect()
                func send(_ kind: String, device: String? = nil, _ payload: SparkplugBPayload) async throws {
                    let topic = ["spBv1.0", "Bakery", kind, "Edge1", device].compactMap { $0 }.joined(separator: "/")
                    try await edge.publish(topic: topic, payload: try payload.serializedBytes() as [UInt8], qos: .atLeastOnce)
                }
                func metric(_ name: String?, alias: UInt64, count: UInt32?) -> SparkplugBPayload.Metric {
                    var metric = SparkplugBPayload.Metric()
                    if let name { metric.name = name }
                    metric.alias = alias
                    if name != nil { metric.datatype = 3 }  // Int32
                    if let count { metric.intValue = count }
                    return metric
                }
                func payload(seq: UInt64, _ metrics: [SparkplugBPayload.Metric]) -> SparkplugBPayload {
                    var payload = SparkplugBPayload()
                    payload.timestamp = UInt64(Date().timeIntervalSince1970 * 1000)
                    payload.seq = seq
                    payload.metrics = metrics
                    return payload
                }
                func latest() async throws -> (Double?, Int)? {
                    try await pipeline.queries.latest(equipmentId: bagger.id).first { $0.metricId == count.id }.map { ($0.value, $0.quality) }
                }
                var bdSeq = SparkplugBPayload.Metric()
                bdSeq.name = "bdSeq"
                bdSeq.datatype = 4
                bdSeq.longValue = 0
                // The host subscribes shortly after the connector starts: send the births until it has the count.
                try await PLCConnectorTests.eventually("the count from the births") {
                    try await send("NBIRTH", payload(seq: 0, [bdSeq]))
                    try await send("DBIRTH", device: "Bagger1", payload(seq: 1, [metric("Count", alias: 10, count: 500)]))
                    return try await latest()?.0 == 500
                }
                try await send("DDATA", device: "Bagger1", payload(seq: 2, [metric(nil, alias: 10, count: 512)]))
                try await PLCConnectorTests.eventually("the count by alias") { try await latest()?.0 == 512 }
                try await PLCConnectorTests.eventually("the link connected") { await service.links.statuses().first?.connected == true }
                try await send("DDEATH", device: "Bagger1", payload(seq: 3, []))
                try await PLCConnectorTests.eventually("the count marked bad") { try await latest()?.1 == 0 }
                let status = try #require(await service.links.statuses().first)
                #expect(!status.connected && status.lastError?.contains("Bakery/Edge1/Bagger1") == true)
                await edge.disconnect()
                running.cancel()
                try await running.value
            }
        }
    }
}

import Foundation
import Logging
import MS5Connectors
import MS5Domain
import MS5Ingest
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Modbus and OPC UA connectors")
struct ModbusOPCUAConnectorTests {
    @Test("A Modbus device and an OPC UA server are read into stored samples through the connection API's records")
    func modbusAndOPCUA() async throws {
        let modbus = try await PeerScript("modbus/peer_server.py", arguments: ["{port}"])
        defer { modbus.stop() }
        let opcua = try await PeerScript("opcua/peer_server.py", arguments: ["{port}"])
        defer { opcua.stop() }
        try await TestDatabases.with(.sqlite) { database in
            let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
            let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
            let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
            let equipment = EquipmentRepository(database: database)
            let oven = try await equipment.create(EquipmentInput(lineId: line.id, code: "OVEN1", name: "Oven 1", type: "oven", criticality: 5))
            let packer = try await equipment.create(EquipmentInput(lineId: line.id, code: "PACK1", name: "Packer 1", type: "packer", criticality: 4))
            let metrics = MetricRepository(database: database)
            func metric(_ on: Equipment, _ key: String, _ role: MetricRole, _ connector: ConnectorType, _ address: String) async throws -> Metric {
                var input = MetricInput(key: key, name: key, role: role, connector: connector, address: address, dataType: "REAL")
                input.pollMilliseconds = 200
                return try await metrics.create(equipmentId: on.id, input)
            }
            // Seeded by scripts/modbus/peer_server.py: float32 123.456 at hr 30 (ABCD), int32
            // -123456789 at hr 12 (CDAB), coil 3 on (a multiple of 3).
            let temperature = try await metric(oven, "temperature", .processValue, .modbus, "40031:float32")
            let word = try await metric(oven, "word", .processValue, .modbus, "hr:12:int32:cdab")
            let coil = try await metric(oven, "running", .statusBit, .modbus, "co:3")
            // scripts/opcua/peer_server.py counts Line1.Counter up every 100 ms.
            let counter = try await metric(packer, "count", .counterTotal, .opcua, "ns=2;s=Line1.Counter")
            let connections = PLCConnectionStore(database: database)
            _ = try await connections.set(equipmentId: oven.id, PLCConnectionInput(host: "127.0.0.1", port: modbus.port, slot: 1, protocol: .modbus))
            // The peer's endpoint is opc.tcp://127.0.0.1:PORT/ms5/ and knows the user operator / secret.
            let signedIn = PLCConnectionInput(
                host: "127.0.0.1", port: opcua.port, slot: 0, protocol: .opcua, username: "operator", password: "secret", endpointPath: "/ms5/")
            _ = try await connections.set(equipmentId: packer.id, signedIn)

            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
            let service = PLCConnectorService(database: database, pipeline: pipeline, reloadInterval: .milliseconds(200), logger: Logger(label: "test"))
            let running = Task { try await service.run() }
            func latest(_ equipmentId: UUID) async throws -> [UUID: Double] {
                Dictionary(try await pipeline.queries.latest(equipmentId: equipmentId).compactMap { value in value.value.map { (value.metricId, $0) } }) { a, _ in a }
            }
            try await PLCConnectorTests.eventually("the Modbus values") {
                let values = try await latest(oven.id)
                return values[word.id] == -123_456_789 && values[coil.id] == 1 && abs((values[temperature.id] ?? 0) - 123.456) < 0.0005
            }
            try await PLCConnectorTests.eventually("the OPC UA counter counting") { (try await latest(packer.id)[counter.id] ?? 0) >= 5 }
            let statuses = await service.links.statuses()
            #expect(statuses.map(\.equipmentCode) == ["OVEN1", "PACK1"])
            #expect(statuses.map(\.protocol) == [.modbus, .opcua] && statuses.allSatisfy(\.connected))

            var wrongPassword = signedIn
            wrongPassword.password = "not-secret"
            _ = try await connections.set(equipmentId: packer.id, wrongPassword)
            try await PLCConnectorTests.eventually("the refused user reported") {
                let status = await service.links.statuses().first { $0.equipmentCode == "PACK1" }
                return status?.connected == false && status?.lastError != nil
            }
            running.cancel()
            try await running.value
        }
    }
}

import Foundation
import Logging
import MS5Connectors
import MS5Domain
import MS5EtherNetIP
import MS5EtherNetIPSimulator
import MS5Ingest
import MS5Storage
import MS5TestSupport
import Testing

@Suite("PLC connector")
struct PLCConnectorTests {
    /// Polls `probe` every 100 ms for up to 20 s until it answers true.
    static func eventually(_ what: String, _ probe: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if try await probe() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("Timed out waiting for \(what)")
    }

    @Test("A simulated CompactLogix is polled into stored samples, scaled; an outage shows in its status and polling resumes", arguments: TestDatabases.kinds)
    func pollsIntoPipeline(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
            let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
            let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
            let bagger = try await EquipmentRepository(database: database).create(EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
            let metrics = MetricRepository(database: database)
            var speedInput = MetricInput(key: "speed", name: "Speed", role: .speed, unit: "ppm", connector: .logix, address: "MC_Avg_Speed", dataType: "REAL")
            speedInput.scale = 2
            speedInput.offset = 1
            speedInput.pollMilliseconds = 100
            let speed = try await metrics.create(equipmentId: bagger.id, speedInput)
            var countInput = MetricInput(key: "count", name: "Count", role: .counterTotal, connector: .logix, address: "Count_Total", dataType: "DINT")
            countInput.pollMilliseconds = 100
            let count = try await metrics.create(equipmentId: bagger.id, countInput)

            let table = SimulatedTagTable([
                try #require(TagDefinition(name: "MC_Avg_Speed", dataType: "REAL")), try #require(TagDefinition(name: "Count_Total", dataType: "DINT")),
            ])
            try table.setValue("MC_Avg_Speed", .real(30))
            try table.setValue("Count_Total", .dint(7))
            let plc = EtherNetIPServer(tags: table)
            let port = try await plc.start(port: 0)
            _ = try await PLCConnectionStore(database: database).set(equipmentId: bagger.id, PLCConnectionInput(host: "127.0.0.1", port: port, protocol: .logix))

            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
            let service = PLCConnectorService(database: database, pipeline: pipeline, reloadInterval: .milliseconds(200), logger: Logger(label: "test"))
            let running = Task { try await service.run() }
            func latest() async throws -> [UUID: Double] {
                Dictionary(try await pipeline.queries.latest(equipmentId: bagger.id).compactMap { value in value.value.map { (value.metricId, $0) } }) { a, _ in a }
            }
            // 30 × 2 + 1 = 61.
            try await Self.eventually("the first values") { try await latest() == [speed.id: 61, count.id: 7] }
            try table.setValue("MC_Avg_Speed", .real(40))
            try await Self.eventually("the changed speed") { try await latest()[speed.id] == 81 }
            let status = try #require(await service.links.statuses().first)
            #expect(status.equipmentCode == "BAG1" && status.connected && status.tags == 2 && status.samplesStored >= 3)

            await plc.stop()
            try await Self.eventually("the outage in the status") {
                guard let status = await service.links.statuses().first else { return false }
                return !status.connected && status.lastError != nil
            }
            let restarted = EtherNetIPServer(tags: table)
            _ = try await restarted.start(port: port)
            try table.setValue("Count_Total", .dint(9))
            try await Self.eventually("polling to resume") { try await latest()[count.id] == 9 }
            #expect(await service.links.statuses().first?.connected == true)
            running.cancel()
            try await running.value
            #expect(await service.links.statuses().isEmpty)
            await restarted.stop()
        }
    }
}

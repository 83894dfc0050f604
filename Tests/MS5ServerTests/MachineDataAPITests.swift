import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MS5Domain
import MS5Ingest
@testable import MS5Server
import Testing

@Suite("Machine data API")
struct MachineDataAPITests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

    static func speedInput(_ key: String = "speed") -> MetricInput {
        MetricInput(key: key, name: "Speed", role: .speed, unit: "ppm", connector: .logix, address: "MC_Avg_Speed", dataType: "REAL")
    }

    @Test("Metrics: create, list, read, replace and delete; bad addresses and duplicate keys are refused")
    func metrics() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let metric = try await server.create("/v1/equipment/\(equipment.id)/metrics", Self.speedInput(), as: Metric.self)
            #expect(metric.equipmentId == equipment.id && metric.scale == 1 && metric.pollMilliseconds == 1000)
            let list = try TestServer.decode(Page<Metric>.self, try await server.send(.get, "/v1/equipment/\(equipment.id)/metrics", as: .operator))
            #expect(list.items == [metric])
            #expect(try await server.send(.post, "/v1/equipment/\(equipment.id)/metrics", json: Self.speedInput()).status == .conflict)
            #expect(try await server.send(.post, "/v1/equipment/\(UUID())/metrics", json: Self.speedInput("x")).status == .notFound)

            var bad = Self.speedInput("slc")
            bad.connector = .slc
            bad.address = "B3:0:8"
            let refused = try await server.send(.post, "/v1/equipment/\(equipment.id)/metrics", json: bad)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problem?.errors.first?.field == "/address")
            #expect(refused.problem?.errors.first?.reason.contains("is not an SLC 500 address") == true)

            var changed = Self.speedInput()
            changed.deadband = 0.5
            let replaced = try TestServer.decode(Metric.self, try await server.send(.put, "/v1/metrics/\(metric.id)", json: changed))
            #expect(replaced.deadband == 0.5 && replaced.createdAt == metric.createdAt)
            #expect(try await server.send(.delete, "/v1/metrics/\(metric.id)").status == .noContent)
            #expect(try await server.send(.get, "/v1/metrics/\(metric.id)").status == .notFound)
        }
    }

    @Test("Telemetry: a batch is stored once, and comes back as latest values, history and CSV")
    func telemetry() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let metric = try await server.create("/v1/equipment/\(equipment.id)/metrics", Self.speedInput(), as: Metric.self)
            let body = #"{"source": "edge-1", "sequence": 1, "samples": [{"metricId": "\#(metric.id)", "timestamp": "2027-01-15T08:00:00.250Z", "value": 58.5}, {"metricId": "\#(metric.id)", "timestamp": "2027-01-15T08:00:01Z", "value": 60, "quality": 192}]}"#
            let first = try await server.sendRaw(.post, "/v1/telemetry/batches", body: body)
            #expect(try TestServer.decode(IngestPipeline.Result.self, first) == IngestPipeline.Result(stored: 2, duplicate: false))
            let retry = try await server.sendRaw(.post, "/v1/telemetry/batches", body: body)
            #expect(try TestServer.decode(IngestPipeline.Result.self, retry) == IngestPipeline.Result(stored: 0, duplicate: true))

            let latest = try TestServer.decode(ItemList<LatestValue>.self, try await server.send(.get, "/v1/equipment/\(equipment.id)/latest"))
            #expect(latest.items.map(\.value) == [60])
            let range = "from=2027-01-15T08:00:00Z&to=2027-01-15T09:00:00Z"
            let history = try TestServer.decode(MetricHistory.self, try await server.send(.get, "/v1/metrics/\(metric.id)/history?\(range)"))
            #expect(history.resolution == .raw)
            #expect(history.points.map(\.value) == [58.5, 60])
            #expect(history.points.first?.timestamp == Self.t0.addingTimeInterval(0.25))
            let csv = try await server.send(.get, "/v1/metrics/\(metric.id)/history.csv?\(range)&maxPoints=1")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(String(buffer: csv.body) == "timestamp,value,min,max,count\r\n2027-01-15T08:00:00.000Z,59.25,58.5,60.0,2\r\n")

            #expect(try await server.send(.get, "/v1/metrics/\(metric.id)/history?from=yesterday").problem?.errors.first?.field == "/from")
            let unknown = try await server.sendRaw(.post, "/v1/telemetry/batches", body: #"{"source": "edge-1", "sequence": 2, "samples": [{"metricId": "\#(UUID())", "timestamp": "2027-01-15T08:00:02Z", "value": 1}]}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problem?.errors.first?.field == "/samples/0/metricId")
            let empty = try await server.sendRaw(.post, "/v1/telemetry/batches", body: #"{"source": "edge 1", "sequence": -1, "samples": []}"#)
            #expect(empty.problem?.errors.map(\.field) == ["/source", "/sequence", "/samples"])
        }
    }

    @Test("Fault catalog, fault events and the state timeline through the API")
    func faultsAndStates() async throws {
        try await TestServer.run { server in
            let (_, _, _, equipment) = try await PlantAPITests.makePlant(server)
            let base = "/v1/equipment/\(equipment.id)"
            #expect(try await server.send(.get, "\(base)/state-rules").status == .notFound)
            let rules = #"{"type": "derived", "speedMetric": "speed", "runningSpeedThreshold": 5, "minimumDuration": 0}"#
            #expect(try await server.sendRaw(.put, "\(base)/state-rules", body: rules).status == .ok)
            #expect(try await server.sendRaw(.put, "\(base)/state-rules", body: #"{"type": "guess"}"#).status == .unprocessableContent)

            let catalog = ItemList(items: [
                FaultDefinition(word: 0, bit: 3, code: "F3", text: "Jam", severity: 4, kind: .fault, source: .internal),
            ])
            #expect(try await server.send(.put, "\(base)/fault-catalog", json: catalog).status == .ok)
            let twice = ItemList(items: catalog.items + [FaultDefinition(word: 0, bit: 3, code: "F3b", text: "Again", severity: 4, kind: .fault, source: .internal)])
            #expect(try await server.send(.put, "\(base)/fault-catalog", json: twice).problem?.errors.first?.field == "/1/bit")
            #expect(try TestServer.decode(ItemList<FaultDefinition>.self, try await server.send(.get, "\(base)/fault-catalog")).items == catalog.items)

            let speed = try await server.create("\(base)/metrics", Self.speedInput(), as: Metric.self)
            let faults = try await server.create("\(base)/metrics", MetricInput(
                key: "faults", name: "Faults", role: .faultWord, connector: .logix, address: "Fault", dataType: "DINT", faultWordIndex: 0),
                as: Metric.self)
            let batch = TelemetryBatch(source: "plc", sequence: 1, samples: [
                TelemetrySample(metricId: speed.id, timestamp: Self.t0, value: 60),
                TelemetrySample(metricId: faults.id, timestamp: Self.t0.addingTimeInterval(20), value: 8),
                TelemetrySample(metricId: speed.id, timestamp: Self.t0.addingTimeInterval(21), value: 0),
            ])
            #expect(try await server.send(.post, "/v1/telemetry/batches", json: batch).status == .ok)
            let active = try TestServer.decode(ItemList<FaultRecord>.self, try await server.send(.get, "\(base)/faults/active"))
            #expect(active.items.map(\.code) == ["F3"])
            #expect(active.items.first?.firstOut == true)
            let range = "from=2027-01-15T08:00:00Z&to=2027-01-15T09:00:00Z"
            let states = try TestServer.decode(ItemList<StateIntervalRecord>.self, try await server.send(.get, "\(base)/states?\(range)"))
            #expect(states.items == [
                StateIntervalRecord(state: .running, mode: .production, start: Self.t0, end: Self.t0.addingTimeInterval(20)),
                StateIntervalRecord(state: .held, mode: .production, start: Self.t0.addingTimeInterval(20), end: nil),
            ])
            let history = try TestServer.decode(ItemList<FaultRecord>.self, try await server.send(.get, "\(base)/faults?\(range)"))
            #expect(history.items.count == 1)
        }
    }
}

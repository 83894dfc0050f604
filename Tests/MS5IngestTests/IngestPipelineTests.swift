import Foundation
import Logging
import MS5Domain
import MS5Ingest
import MS5Storage
import MS5TestSupport
import Testing

@Suite("Ingest pipeline")
struct IngestPipelineTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Bagger 1 with a speed metric and fault word 0, whose bit 3 means "Jam".
    static func bagger(_ database: Database) async throws -> (equipment: Equipment, speed: Metric, faults: Metric) {
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "UTC"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread"))
        let equipment = try await EquipmentRepository(database: database).create(
            EquipmentInput(lineId: line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
        let metrics = MetricRepository(database: database)
        let speed = try await metrics.create(equipmentId: equipment.id, MetricInput(
            key: "MC_Avg_Speed", name: "Speed", role: .speed, connector: .logix, address: "MC_Avg_Speed", dataType: "REAL"))
        let faults = try await metrics.create(equipmentId: equipment.id, MetricInput(
            key: "Fault.Word0", name: "Faults 0-31", role: .faultWord, connector: .logix, address: "Fault", dataType: "DINT",
            faultWordIndex: 0))
        try await FaultCatalogStore(database: database).replace(equipmentId: equipment.id, with: [
            FaultDefinition(word: 0, bit: 3, code: "F3", text: "Jam at the scoops", severity: 4, kind: .fault, source: .internal),
        ])
        return (equipment, speed, faults)
    }

    /// A process value of the bagger that no state rule reads.
    static func sealerTemperature(_ database: Database, on equipment: Equipment) async throws -> Metric {
        try await MetricRepository(database: database).create(equipmentId: equipment.id, MetricInput(
            key: "Sealer_Temp", name: "Sealer temperature", role: .processValue, connector: .logix, address: "Sealer_Temp", dataType: "REAL"))
    }

    static func sample(_ metric: Metric, _ seconds: TimeInterval, _ value: Double) -> TelemetrySample {
        TelemetrySample(metricId: metric.id, timestamp: t0.addingTimeInterval(seconds), value: value)
    }

    @Test("Samples become fault events and a debounced state timeline, stored and published", arguments: TestDatabases.kinds)
    func faultsAndStates(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, speed, faults) = try await Self.bagger(database)
            let bus = EventBus()
            let events = bus.subscribe()
            let pipeline = IngestPipeline(database: database, bus: bus, logger: Logger(label: "test"))
            // Running from 0 s; the jam holds it from 10 s to 40 s; it runs again; speed 0 at 50 s is
            // not yet confirmed (the default rules debounce 5 s and no later input came).
            let result = try await pipeline.ingest(TelemetryBatch(source: "plc-bag1", sequence: 1, samples: [
                Self.sample(speed, 0, 60), Self.sample(faults, 10, 8), Self.sample(faults, 40, 0), Self.sample(speed, 50, 0),
            ]))
            #expect(result == IngestPipeline.Result(stored: 4, duplicate: false))
            let states = try await StateStore(database: database).intervals(
                equipmentId: equipment.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), limit: 100)
            #expect(states == [
                StateIntervalRecord(state: .running, mode: .production, start: Self.t0, end: Self.t0.addingTimeInterval(10)),
                StateIntervalRecord(state: .held, mode: .production, start: Self.t0.addingTimeInterval(10), end: Self.t0.addingTimeInterval(40)),
                StateIntervalRecord(state: .running, mode: .production, start: Self.t0.addingTimeInterval(40), end: nil),
            ])
            let faultEvents = try await FaultEventStore(database: database).events(
                equipmentId: equipment.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), limit: 100)
            #expect(faultEvents == [FaultRecord(
                code: "F3", text: "Jam at the scoops", kind: .fault, source: .internal,
                start: Self.t0.addingTimeInterval(10), end: Self.t0.addingTimeInterval(40), firstOut: true)])
            #expect(faultEvents.first?.durationSeconds == 30)
            #expect(try await FaultEventStore(database: database).active(equipmentId: equipment.id).isEmpty)

            // The same batch again: nothing stored, nothing published.
            let again = try await pipeline.ingest(TelemetryBatch(source: "plc-bag1", sequence: 1, samples: [Self.sample(speed, 0, 60)]))
            #expect(again == IngestPipeline.Result(stored: 0, duplicate: true))

            var kinds: [String] = []
            for await event in events {
                switch event.kind {
                case .values: kinds.append("values")
                case .fault(let fault): kinds.append("fault \(fault.edge)")
                case .state(let change): kinds.append("state \(change.opened.state.rawValue)")
                case .productionStop(let stop): kinds.append(stop.name)
                }
                if kinds.count == 6 { break }
            }
            // A new timeline takes its first state at once (running from 0 s); later ones are confirmed
            // by the next input after their debounce: held by the clear at 40 s, running again by the
            // speed sample at 50 s.
            #expect(kinds == ["values", "state running", "fault raised", "fault cleared", "state held", "state running"])
        }
    }

    @Test("A metric the state rules do not read cannot change the state, but its time confirms a debounced one", arguments: TestDatabases.kinds)
    func unreadMetricConfirmsDebouncedState(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, speed, _) = try await Self.bagger(database)
            let temperature = try await Self.sealerTemperature(database, on: equipment)
            let bus = EventBus()
            let events = bus.subscribe()
            let pipeline = IngestPipeline(database: database, bus: bus, logger: Logger(label: "test"))
            // Running from 0 s; idle from 10 s, pending for the default 5 s debounce; the temperature
            // at 16 s is the first input after it; the temperature at 20 s (0 °C) is not read by the rules.
            let samples = [Self.sample(speed, 0, 60), Self.sample(speed, 10, 0), Self.sample(temperature, 16, 180), Self.sample(temperature, 20, 0)]
            for (sequence, sample) in samples.enumerated() {
                _ = try await pipeline.ingest(TelemetryBatch(source: "plc-bag1", sequence: Int64(sequence + 1), samples: [sample]))
            }
            let states = try await StateStore(database: database).intervals(
                equipmentId: equipment.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), limit: 100)
            #expect(states == [
                StateIntervalRecord(state: .running, mode: .production, start: Self.t0, end: Self.t0.addingTimeInterval(10)),
                StateIntervalRecord(state: .idle, mode: .production, start: Self.t0.addingTimeInterval(10), end: nil),
            ])
            var confirmations: [Date] = []
            for await event in events {
                if case .state(let change) = event.kind { confirmations.append(change.confirmedAt) }
                if case .values(let values) = event.kind, values.contains(where: { $0.metricId == temperature.id && $0.value == 0 }) { break }
            }
            #expect(confirmations == [Self.t0, Self.t0.addingTimeInterval(16)])
        }
    }

    @Test("Changed state rules take effect at the next input, even of a metric they do not read", arguments: TestDatabases.kinds)
    func changedRulesTakeEffectAtAnyInput(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (equipment, speed, _) = try await Self.bagger(database)
            let temperature = try await Self.sealerTemperature(database, on: equipment)
            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
            _ = try await pipeline.ingest(TelemetryBatch(source: "plc", sequence: 1, samples: [Self.sample(speed, 0, 60), Self.sample(temperature, 6, 180)]))
            // An engineer asks for a speed the machine cannot reach: it is idle from the next input on.
            try await StateStore(database: database).setRules(
                .derived(DerivedStateRules(speedMetric: "MC_Avg_Speed", runningSpeedThreshold: 1e9, minimumDuration: 0)), equipmentId: equipment.id)
            try await pipeline.configurationChanged(equipmentId: equipment.id)
            _ = try await pipeline.ingest(TelemetryBatch(source: "plc", sequence: 2, samples: [Self.sample(temperature, 10, 181), Self.sample(temperature, 11, 182)]))
            let states = try await StateStore(database: database).intervals(
                equipmentId: equipment.id, from: Self.t0, to: Self.t0.addingTimeInterval(3600), limit: 100)
            #expect(states == [
                StateIntervalRecord(state: .running, mode: .production, start: Self.t0, end: Self.t0.addingTimeInterval(10)),
                StateIntervalRecord(state: .idle, mode: .production, start: Self.t0.addingTimeInterval(10), end: nil),
            ])
        }
    }

    @Test("A sample naming an unknown metric refuses the whole batch, naming the sample", arguments: TestDatabases.kinds)
    func unknownMetric(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (_, speed, _) = try await Self.bagger(database)
            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "test"))
            let unknown = TelemetrySample(metricId: UUID(), timestamp: Self.t0, value: 1)
            let error = await #expect(throws: DomainError.self) {
                try await pipeline.ingest(TelemetryBatch(source: "x", sequence: 1, samples: [Self.sample(speed, 0, 1), unknown]))
            }
            #expect(error?.violations == [FieldViolation(field: "/samples/1/metricId", reason: "no metric with this id exists")])
            let history = try await pipeline.queries.history(
                metricId: speed.id, from: Self.t0, to: Self.t0.addingTimeInterval(60), maxPoints: 10)
            #expect(history.points.isEmpty)
            // The refused batch left no receipt: the same sequence with good samples is stored.
            let retry = try await pipeline.ingest(TelemetryBatch(source: "x", sequence: 1, samples: [Self.sample(speed, 0, 1)]))
            #expect(retry.stored == 1)
        }
    }
}

import Foundation
import MS5Domain
import MS5Simulator
import MS5Storage

/// The demo plant's machine data: a metric for every simulated tag of the bread line, Bagger 1's
/// fault catalog, and state rules of both kinds (a PLC state tag on the slicer, derived rules on
/// the bagger and the basket loader).
enum DemoMachineData {
    /// Creates the bread line's metrics, fault catalog and state rules, once.
    static func create(_ database: Database) async throws {
        let equipment = try await EquipmentRepository(database: database).list(PageRequest(limit: PageRequest.maximumLimit))
        let byCode = Dictionary(uniqueKeysWithValues: equipment.items.map { ($0.code, $0.id) })
        let metrics = MetricRepository(database: database)
        for tag in SimulatedTags.all {
            guard let equipmentId = byCode[tag.equipment] else { continue }
            _ = try await metrics.create(equipmentId: equipmentId, MetricInput(
                key: MetricInput.key(forAddress: tag.metric), name: tag.summary.isEmpty ? tag.metric : String(tag.summary.prefix(PlantLimits.name)),
                role: tag.role, unit: tag.unit, connector: .simulator, address: tag.metric, dataType: tag.dataType,
                faultWordIndex: tag.role == .faultWord ? (tag.metric.hasSuffix("1") ? 1 : 0) : nil))
        }
        if let bagger = byCode["BAG1"] {
            try await FaultCatalogStore(database: database).replace(equipmentId: bagger, with: FaultCatalog.bagger1Sample.map(definition))
        }
        let states = StateStore(database: database)
        if let slicer = byCode["SLC1"] {
            try await states.setRules(.fromStateTag(StateTagRules(
                metric: "Slicer_State", mapping: [0: .stopped, 1: .running, 2: .suspended, 3: .suspended, 4: .held],
                defaultState: .stopped, minimumDuration: 3)), equipmentId: slicer)
        }
        if let bagger = byCode["BAG1"] {
            try await states.setRules(.derived(DerivedStateRules(
                speedMetric: MetricInput.key(forAddress: "MC_Avg_Speed"), runningSpeedThreshold: 0, minimumDuration: 3)), equipmentId: bagger)
        }
        if let loader = byCode["BSK1"] {
            try await states.setRules(.derived(DerivedStateRules(
                runningBit: MetricInput.key(forAddress: "B3:0/8"), modeRules: ModeRules(manualBit: MetricInput.key(forAddress: "B3:0/2")), minimumDuration: 3)),
                equipmentId: loader)
        }
    }

    /// Bagger 1's catalog entry as a fault definition: faults of its neighbours are upstream or
    /// downstream (they starve or block it); its own faults and every status are internal.
    static func definition(_ entry: FaultCatalogEntry) -> FaultDefinition {
        let source: FaultSource = switch (entry.kind, entry.stoppedMachine) {
        case (.fault, .slicer): .upstream
        case (.fault, .basketLoader): .downstream
        default: .internal
        }
        return FaultDefinition(
            word: entry.bit / 32, bit: entry.bit % 32, code: "F\(entry.bit)", text: entry.text, severity: entry.kind.defaultSeverity, kind: entry.kind,
            source: source)
    }
}

import Foundation
import Logging
import MS5Domain
import MS5Storage

/// Turns stored samples into fault events and the state timeline of each equipment, stores them
/// and publishes them on the bus.
///
/// Per equipment it keeps a ``FaultEdgeDetector`` (from the equipment's fault catalog) and a
/// ``StateDeriver`` (from its state rules, or default rules when none were set: running while the
/// speed metric is above 0, held while an internal fault is active). After a restart the timeline
/// resumes from its open interval; faults still open are closed at the first new sample and raised
/// again if their bit is still set.
public actor MachineEventProcessor {
    private let faultEvents: FaultEventStore
    private let states: StateStore
    private let catalogs: FaultCatalogStore
    private let bus: EventBus
    private let logger: Logger
    private var detectors: [UUID: FaultEdgeDetector] = [:]
    private var derivers: [UUID: StateDeriver] = [:]

    /// Creates the processor over `database`, publishing on `bus`.
    public init(database: Database, bus: EventBus, logger: Logger) {
        self.faultEvents = FaultEventStore(database: database)
        self.states = StateStore(database: database)
        self.catalogs = FaultCatalogStore(database: database)
        self.bus = bus
        self.logger = logger
    }

    /// Processes newly stored samples, in time order per equipment. Values sampled at the same
    /// instant reach the state rules together (one evaluation per instant, as a PLC's poll group
    /// delivers them); a fault word is taken in its place among them. A sample of a metric the
    /// rules do not read only moves the deriver's clock (see ``StateDeriver/unreadInput(at:)``).
    func process(_ samples: [TelemetrySample], metrics: [UUID: Metric]) async throws {
        let byEquipment = Dictionary(grouping: samples) { metrics[$0.metricId]?.equipmentId }
        for (equipmentId, equipmentSamples) in byEquipment {
            guard let equipmentId else { continue }
            let ordered = equipmentSamples.sorted { $0.timestamp < $1.timestamp }
            try await prepare(equipmentId, metrics: metrics, firstSample: ordered[0].timestamp)
            let read = derivers[equipmentId]?.rules.metricKeys ?? []
            var instant: (at: Date, values: [String: Double])?
            for sample in ordered {
                guard let metric = metrics[sample.metricId] else { continue }
                if let pending = instant, pending.at != sample.timestamp {
                    try await deriveState(pending.values, at: pending.at, equipmentId: equipmentId)
                    instant = nil
                }
                if metric.role == .faultWord, let word = metric.faultWordIndex {
                    if let pending = instant { try await deriveState(pending.values, at: pending.at, equipmentId: equipmentId) }
                    instant = nil
                    try await applyFaultWord(word, sample, equipmentId: equipmentId)
                } else if read.contains(metric.key) {
                    if instant == nil { instant = (sample.timestamp, [:]) }
                    instant?.values[metric.key] = sample.value
                } else if let change = derivers[equipmentId]?.unreadInput(at: sample.timestamp) {
                    try await record(change, equipmentId: equipmentId)
                }
            }
            if let pending = instant { try await deriveState(pending.values, at: pending.at, equipmentId: equipmentId) }
        }
    }

    /// Forgets an equipment's detector and deriver, so that a changed catalog or rules take effect.
    public func reset(equipmentId: UUID) {
        detectors[equipmentId] = nil
        derivers[equipmentId] = nil
    }

    private func applyFaultWord(_ word: Int, _ sample: TelemetrySample, equipmentId: UUID) async throws {
        let value = UInt32(truncatingIfNeeded: Int64(sample.value.rounded()))
        guard let events = detectors[equipmentId]?.ingest(word: word, value: value, at: sample.timestamp), !events.isEmpty else { return }
        try await faultEvents.record(events, equipmentId: equipmentId)
        for event in events { bus.publish(.fault(event), equipmentId: equipmentId) }
        let active = detectors[equipmentId]?.active ?? []
        if let change = derivers[equipmentId]?.faultsChanged(active: active, at: sample.timestamp) {
            try await record(change, equipmentId: equipmentId)
        }
    }

    private func deriveState(_ values: [String: Double], at: Date, equipmentId: UUID) async throws {
        if let change = derivers[equipmentId]?.ingest(values, at: at) {
            try await record(change, equipmentId: equipmentId)
        }
    }

    private func record(_ change: StateChange, equipmentId: UUID) async throws {
        try await states.apply(change, equipmentId: equipmentId)
        bus.publish(.state(change), equipmentId: equipmentId)
    }

    private func prepare(_ equipmentId: UUID, metrics: [UUID: Metric], firstSample: Date) async throws {
        if detectors[equipmentId] == nil {
            try await faultEvents.closeOpen(equipmentId: equipmentId, at: firstSample)
            detectors[equipmentId] = FaultEdgeDetector(catalog: try await catalogs.catalog(equipmentId: equipmentId))
        }
        if derivers[equipmentId] == nil {
            let rules = try await states.rules(equipmentId: equipmentId)
                ?? Self.defaultRules(metrics.values.filter { $0.equipmentId == equipmentId })
            if let open = try await states.openInterval(equipmentId: equipmentId) {
                derivers[equipmentId] = StateDeriver(rules: rules, start: open.start, initialState: open.state, initialMode: open.mode)
            } else {
                derivers[equipmentId] = StateDeriver(rules: rules, start: firstSample, initialStateUnobserved: true)
                let opened = derivers[equipmentId]!.current
                try await states.apply(StateChange(closed: nil, opened: opened, confirmedAt: firstSample), equipmentId: equipmentId)
            }
        }
    }

    /// Rules for an equipment nobody configured: its speed metric says running, faults say held.
    static func defaultRules(_ metrics: [Metric]) -> StateRules {
        let speed = metrics.first { $0.role == .speed }?.key
        return .derived(DerivedStateRules(speedMetric: speed, runningSpeedThreshold: 0, useActiveFaults: true, minimumDuration: 5))
    }
}

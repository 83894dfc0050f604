import Foundation
import Logging
import MS5Domain
import MS5Storage

/// The one way samples enter MS5, whether from connectors, the simulator or
/// `POST /v1/telemetry/batches`: checked, stored once, then turned into events.
public struct IngestPipeline: Sendable {
    /// What became of a batch.
    public struct Result: Sendable, Equatable, Codable {
        /// Samples newly stored (a sample already stored for its metric and time counts once).
        public let stored: Int
        /// True when this (source, sequence) had been stored before: nothing changed.
        public let duplicate: Bool

        /// Creates a result.
        public init(stored: Int, duplicate: Bool) {
            self.stored = stored
            self.duplicate = duplicate
        }
    }

    let store: TelemetryStore
    let directory: MetricDirectory
    let processor: MachineEventProcessor
    /// Where values, faults and state changes are published.
    public let bus: EventBus

    /// Where latest values and rollups gather until written; an ``AggregateFlusher`` writes them
    /// on a schedule, and reads through ``queries`` write them first.
    public var aggregator: TelemetryAggregator { store.aggregator }

    /// Reads of latest values and history that see every batch this pipeline stored.
    public let queries: TelemetryQueries

    /// Creates the pipeline over `database`, publishing on `bus`.
    public init(database: Database, bus: EventBus, logger: Logger) {
        let aggregator = TelemetryAggregator(database: database, logger: logger)
        self.store = TelemetryStore(database: database, aggregator: aggregator)
        self.queries = TelemetryQueries(database: database, aggregator: aggregator)
        self.directory = MetricDirectory(database: database)
        self.processor = MachineEventProcessor(database: database, bus: bus, logger: logger)
        self.bus = bus
    }

    /// Checks, stores and processes a batch; a batch sent again changes nothing.
    public func ingest(_ batch: TelemetryBatch) async throws -> Result {
        try batch.validate()
        let known = try await directory.resolve(batch.samples)
        guard let stored = try await store.store(batch, equipmentOf: known.equipmentOf, sampleKeys: known.sampleKeys) else {
            return Result(stored: 0, duplicate: true)
        }
        publishValues(stored, owners: known.equipmentOf)
        try await processor.process(stored, metrics: known.metrics)
        return Result(stored: stored.count, duplicate: false)
    }

    /// Forgets cached metrics and an equipment's rules, after they were changed through the API.
    public func configurationChanged(equipmentId: UUID?) async throws {
        try await directory.reload()
        if let equipmentId { await processor.reset(equipmentId: equipmentId) }
    }

    private func publishValues(_ samples: [TelemetrySample], owners: [UUID: UUID]) {
        var newest: [UUID: TelemetrySample] = [:]
        for sample in samples {
            // One hash per sample: the newest so far is replaced through its index.
            if let index = newest.index(forKey: sample.metricId) {
                if sample.timestamp >= newest.values[index].timestamp { newest.values[index] = sample }
            } else {
                newest[sample.metricId] = sample
            }
        }
        let byEquipment = Dictionary(grouping: newest.values) { owners[$0.metricId] }
        for (equipmentId, values) in byEquipment {
            guard let equipmentId else { continue }
            bus.publish(.values(values), equipmentId: equipmentId)
        }
    }
}

import Foundation
import MS5Domain
import MS5Storage

/// The metrics the pipeline knows, by id, reloaded from the database when a sample names one it
/// has not seen (a metric created since the last load).
public actor MetricDirectory {
    /// The metrics as last loaded, with what storing their samples needs, each by metric id.
    struct Snapshot: Sendable {
        var metrics: [UUID: Metric] = [:]
        var equipmentOf: [UUID: UUID] = [:]
        /// Each metric's `sample_key`, under which its raw samples are stored.
        var sampleKeys: [UUID: Int32] = [:]
    }

    private let repository: MetricRepository
    private var snapshot = Snapshot()

    /// Creates a directory over `database`.
    public init(database: Database) {
        self.repository = MetricRepository(database: database)
    }

    /// The metrics, when they hold every one these samples name; the indexes of samples naming
    /// unknown ones are refused.
    func resolve(_ samples: [TelemetrySample]) async throws -> Snapshot {
        guard samples.contains(where: { snapshot.sampleKeys[$0.metricId] == nil }) else { return snapshot }
        try await reload()
        var unknown: [FieldViolation] = []
        for (index, sample) in samples.enumerated() where snapshot.sampleKeys[sample.metricId] == nil && unknown.count < 10 {
            unknown.append(FieldViolation(field: "/samples/\(index)/metricId", reason: "no metric with this id exists"))
        }
        if !unknown.isEmpty { throw DomainError.invalid(unknown) }
        return snapshot
    }

    /// Forgets what it knew, so that changed metrics are read again.
    public func reload() async throws {
        var loaded = Snapshot()
        for (metric, sampleKey) in try await repository.allWithSampleKeys() {
            loaded.metrics[metric.id] = metric
            loaded.equipmentOf[metric.id] = metric.equipmentId
            loaded.sampleKeys[metric.id] = sampleKey
        }
        snapshot = loaded
    }
}

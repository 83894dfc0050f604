import Foundation
import MS5Domain
import MS5Storage

/// The metrics the pipeline knows, by id, reloaded from the database when a sample names one it
/// has not seen (a metric created since the last load).
public actor MetricDirectory {
    private let repository: MetricRepository
    private var metrics: [UUID: Metric] = [:]

    /// Creates a directory over `database`.
    public init(database: Database) {
        self.repository = MetricRepository(database: database)
    }

    /// The metrics with these ids; the indexes of samples naming unknown ones are refused.
    func resolve(_ samples: [TelemetrySample]) async throws -> [UUID: Metric] {
        if samples.contains(where: { metrics[$0.metricId] == nil }) {
            try await reload()
        }
        var unknown: [FieldViolation] = []
        for (index, sample) in samples.enumerated() where metrics[sample.metricId] == nil && unknown.count < 10 {
            unknown.append(FieldViolation(field: "/samples/\(index)/metricId", reason: "no metric with this id exists"))
        }
        if !unknown.isEmpty { throw DomainError.invalid(unknown) }
        return metrics
    }

    /// Forgets what it knew, so that changed metrics are read again.
    public func reload() async throws {
        metrics = Dictionary(uniqueKeysWithValues: try await repository.all().map { ($0.id, $0) })
    }
}

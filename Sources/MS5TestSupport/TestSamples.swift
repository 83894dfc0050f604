import Foundation
import MS5Domain
import MS5Storage
import SQLKit

/// Raw samples written straight into `metric_samples`, for tests that set up history without the
/// ingest pipeline.
public enum TestSamples {
    /// Stores one sample of the metric `metricId` (under its `sample_key`).
    public static func insert(_ db: any SQLDatabase, metricId: UUID, at time: Date, value: Double, quality: Int = 192) async throws {
        try await db.raw("""
            INSERT INTO metric_samples (metric_key, ts, value, quality)
            SELECT sample_key, \(bind: time), \(bind: value), \(bind: quality) FROM metrics WHERE id = \(bind: metricId)
            """).run()
    }

    /// Every metric's `sample_key`, as the ingest pipeline's directory holds them.
    public static func keys(_ database: Database) async throws -> [UUID: Int32] {
        Dictionary(uniqueKeysWithValues: try await MetricRepository(database: database).allWithSampleKeys().map { ($0.metric.id, $0.sampleKey) })
    }
}

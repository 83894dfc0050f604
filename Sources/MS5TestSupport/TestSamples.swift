import Foundation
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
}

import Foundation
import MS5Domain
import SQLKit

/// Rebuilds latest values and rollups after a run ended with aggregates still in memory.
///
/// The receipts of such batches still name the run that held them. Every minute their samples
/// span is recomputed from the raw samples and replaces its stored bucket; each hour holding such
/// a minute is recomputed from its minute buckets; the newest sample of each metric in those
/// minutes is offered to latest values (a newer stored value stays). Recomputing, not adding,
/// makes the result right whether or not part of the lost work had been written.
public struct AggregateRecovery: Sendable {
    /// What a recovery did.
    public struct Outcome: Sendable, Equatable {
        /// Batches whose aggregates were rebuilt.
        public let batches: Int
        /// Minute buckets recomputed from raw samples.
        public let minuteBuckets: Int
        /// Hour buckets recomputed from minute buckets.
        public let hourBuckets: Int

        /// Creates an outcome.
        public init(batches: Int, minuteBuckets: Int, hourBuckets: Int) {
            self.batches = batches
            self.minuteBuckets = minuteBuckets
            self.hourBuckets = hourBuckets
        }
    }

    let database: Database
    /// The run now ingesting; its own receipts are left alone.
    let currentRun: UUID

    /// Finds the receipts of earlier runs still pending and rebuilds their aggregates, in one
    /// transaction.
    func run() async throws -> Outcome {
        let kind = database.kind
        return try await database.transaction { db in
            let rows = try await db.select().columns("source", "sequence", "first_ts", "last_ts").from("telemetry_batches")
                .where("pending_run", .isNot, SQLLiteral.null).where("pending_run", .notEqual, currentRun).all()
            guard !rows.isEmpty else { return Outcome(batches: 0, minuteBuckets: 0, hourBuckets: 0) }
            var receipts: [PendingAggregates.Receipt] = []
            var minuteStarts = Set<Double>()
            for row in rows {
                receipts.append(.init(source: try row.decode(column: "source", as: String.self), sequence: try row.decode(column: "sequence", as: Int64.self)))
                guard let first = try row.decode(column: "first_ts", as: Date?.self), let last = try row.decode(column: "last_ts", as: Date?.self) else { continue }
                let lo = (first.timeIntervalSince1970 / 60).rounded(.down), hi = (last.timeIntervalSince1970 / 60).rounded(.down)
                for minute in stride(from: lo, through: hi, by: 1) { minuteStarts.insert(minute * 60) }
            }
            let (minutes, newest) = try await Self.recomputeMinutes(minuteStarts, on: db)
            let hours = try await Self.recomputeHours(minuteStarts, minutes: minutes, on: db)
            try await AggregateWriter.writeRollups(minutes, resolution: .minute, mode: .replace, kind: kind, on: db)
            try await AggregateWriter.writeRollups(hours, resolution: .hour, mode: .replace, kind: kind, on: db)
            try await AggregateWriter.writeLatest(Array(newest.values), kind: kind, on: db)
            try await AggregateWriter.release(receipts, on: db)
            return Outcome(batches: receipts.count, minuteBuckets: minutes.count, hourBuckets: hours.count)
        }
    }

    /// Every metric's bucket of each minute from its raw samples, and the newest sample per metric.
    private static func recomputeMinutes(_ starts: Set<Double>, on db: any SQLDatabase) async throws -> ([RollupKey: RollupBucket], [UUID: PendingAggregates.Newest]) {
        var minutes: [RollupKey: RollupBucket] = [:]
        var newest: [UUID: PendingAggregates.Newest] = [:]
        for range in contiguousRanges(starts.sorted(), step: 60) {
            let rows = try await db.raw("""
                SELECT m.equipment_id, m.id AS metric_id, s.ts, s.value, s.quality
                FROM metric_samples s JOIN metrics m ON m.sample_key = s.metric_key
                WHERE s.ts >= \(bind: Date(timeIntervalSince1970: range.lowerBound)) AND s.ts < \(bind: Date(timeIntervalSince1970: range.upperBound))
                """).all()
            for row in rows {
                let sample = TelemetrySample(
                    metricId: try row.decode(column: "metric_id", as: UUID.self), timestamp: try row.decode(column: "ts", as: Date.self),
                    value: try row.decode(column: "value", as: Double.self), quality: try row.decode(column: "quality", as: Int.self))
                minutes[RollupKey(metricId: sample.metricId, timestamp: sample.timestamp, seconds: 60), default: RollupBucket()]
                    .add(value: sample.value, at: sample.timestamp)
                if newest[sample.metricId].map({ sample.timestamp >= $0.sample.timestamp }) ?? true {
                    newest[sample.metricId] = .init(equipmentId: try row.decode(column: "equipment_id", as: UUID.self), sample: sample)
                }
            }
        }
        return (minutes, newest)
    }

    /// Each hour holding a recomputed minute, from its other stored minutes and the recomputed ones.
    private static func recomputeHours(_ minuteStarts: Set<Double>, minutes: [RollupKey: RollupBucket], on db: any SQLDatabase) async throws -> [RollupKey: RollupBucket] {
        var hours: [RollupKey: RollupBucket] = [:]
        let hourStarts = Set(minuteStarts.map { ($0 / 3600).rounded(.down) * 3600 })
        for hour in hourStarts {
            let rows = try await db.select().columns("metric_id", "bucket", "min", "max", "sum", "count", "last", "last_ts").from("metric_rollups_1m")
                .where("bucket", .greaterThanOrEqual, Date(timeIntervalSince1970: hour))
                .where("bucket", .lessThan, Date(timeIntervalSince1970: hour + 3600)).all()
            for row in rows {
                let bucketStart = try row.decode(column: "bucket", as: Date.self)
                guard !minuteStarts.contains(bucketStart.timeIntervalSince1970) else { continue }
                let stored = RollupBucket(
                    min: try row.decode(column: "min", as: Double.self), max: try row.decode(column: "max", as: Double.self),
                    sum: try row.decode(column: "sum", as: Double.self), count: try row.decode(column: "count", as: Int.self),
                    last: try row.decode(column: "last", as: Double.self), lastTimestamp: try row.decode(column: "last_ts", as: Date.self))
                hours[RollupKey(metricId: try row.decode(column: "metric_id", as: UUID.self), start: Date(timeIntervalSince1970: hour)), default: RollupBucket()].merge(stored)
            }
        }
        for (key, bucket) in minutes {
            hours[RollupKey(metricId: key.metricId, timestamp: key.start, seconds: 3600), default: RollupBucket()].merge(bucket)
        }
        return hours
    }

    /// Sorted bucket starts joined into half-open ranges of consecutive buckets.
    private static func contiguousRanges(_ starts: [Double], step: Double) -> [Range<Double>] {
        var ranges: [Range<Double>] = []
        for start in starts {
            if let last = ranges.last, last.upperBound == start {
                ranges[ranges.count - 1] = last.lowerBound..<(start + step)
            } else {
                ranges.append(start..<(start + step))
            }
        }
        return ranges
    }
}

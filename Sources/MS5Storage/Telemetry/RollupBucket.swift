import Foundation
import MS5Domain

/// A metric's bucket of a rollup table.
struct RollupKey: Hashable, Sendable {
    let metricId: UUID
    let start: Date

    /// The bucket of `resolution` holding a sample of `metricId` at `timestamp`.
    init(metricId: UUID, timestamp: Date, seconds: Double) {
        self.metricId = metricId
        self.start = Date(timeIntervalSince1970: (timestamp.timeIntervalSince1970 / seconds).rounded(.down) * seconds)
    }

    init(metricId: UUID, start: Date) {
        self.metricId = metricId
        self.start = start
    }
}

/// Running min, max, sum, count and last of the samples in one bucket.
struct RollupBucket: Sendable {
    var min = Double.infinity
    var max = -Double.infinity
    var sum = 0.0
    var count = 0
    var last = 0.0
    var lastTimestamp = Date.distantPast

    /// Counts one sample in.
    mutating func add(value: Double, at timestamp: Date) {
        min = Swift.min(min, value)
        max = Swift.max(max, value)
        sum += value
        count += 1
        if timestamp >= lastTimestamp {
            last = value
            lastTimestamp = timestamp
        }
    }

    /// Counts in everything `other` counted: the bucket of both sets of samples.
    mutating func merge(_ other: RollupBucket) {
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
        sum += other.sum
        count += other.count
        if other.lastTimestamp >= lastTimestamp {
            last = other.last
            lastTimestamp = other.lastTimestamp
        }
    }
}

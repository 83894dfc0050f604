import Foundation
import MS5Domain

/// Latest values and rollup buckets of stored samples not yet written, and the receipts of the
/// batches they came from.
struct PendingAggregates: Sendable {
    /// A batch whose samples are counted here.
    struct Receipt: Hashable, Sendable {
        let source: String
        let sequence: Int64
    }

    /// The newest sample of a metric, with its equipment.
    struct Newest: Sendable {
        let equipmentId: UUID
        let sample: TelemetrySample
    }

    private(set) var minutes: [RollupKey: RollupBucket] = [:]
    private(set) var newest: [UUID: Newest] = [:]
    private(set) var receipts: [Receipt] = []

    /// True when there is nothing to write.
    var isEmpty: Bool { receipts.isEmpty && minutes.isEmpty && newest.isEmpty }

    /// Minute buckets and latest values a flush would write (each hour bucket it writes holds at
    /// least one of the minutes).
    var rowCount: Int { minutes.count + newest.count }

    /// The hour buckets, folded from the minute buckets when written rather than kept per sample:
    /// an hour's samples are exactly those of its minutes.
    var hours: [RollupKey: RollupBucket] {
        var hours: [RollupKey: RollupBucket] = [:]
        for (minute, bucket) in minutes {
            let start = (minute.start.timeIntervalSince1970 / 3600).rounded(.down) * 3600
            hours[RollupKey(metricId: minute.metricId, start: Date(timeIntervalSince1970: start)), default: RollupBucket()].merge(bucket)
        }
        return hours
    }

    /// Counts in the samples of one stored batch; `equipmentOf` gives each sample's equipment.
    mutating func add(_ samples: [TelemetrySample], equipmentOf: [UUID: UUID], receipt: Receipt?) {
        if let receipt { receipts.append(receipt) }
        for sample in samples {
            minutes[RollupKey(metricId: sample.metricId, timestamp: sample.timestamp, seconds: 60), default: RollupBucket()]
                .add(value: sample.value, at: sample.timestamp)
            // One hash per sample once a metric is known: the newest is replaced through its index.
            if let index = newest.index(forKey: sample.metricId) {
                if sample.timestamp >= newest.values[index].sample.timestamp {
                    newest.values[index] = Newest(equipmentId: newest.values[index].equipmentId, sample: sample)
                }
            } else if let equipmentId = equipmentOf[sample.metricId] {
                newest[sample.metricId] = Newest(equipmentId: equipmentId, sample: sample)
            }
        }
    }

    /// Takes in everything `other` holds, as if its samples had been added here.
    mutating func absorb(_ other: PendingAggregates) {
        for (key, bucket) in other.minutes { minutes[key, default: RollupBucket()].merge(bucket) }
        for (metricId, value) in other.newest where newest[metricId].map({ value.sample.timestamp >= $0.sample.timestamp }) ?? true {
            newest[metricId] = value
        }
        receipts += other.receipts
    }
}

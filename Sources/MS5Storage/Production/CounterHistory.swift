import Foundation
import MS5Domain
import SQLKit

/// The raw counter readings of an equipment: the samples of its metrics with role
/// `counter_good`, `counter_total` and `counter_reject`, joined by time into readings.
enum CounterHistory {
    /// The readings in `span` (and at its end too, `includingEnd`, as a window's counts take an
    /// increment at its end) in time order, preceded by each counter's last sample before it with
    /// a value a counter can hold (0 up to `rollover`): the baseline the first increment in the
    /// span is counted from, as it would be after reading every sample before.
    static func readings(
        _ db: any SQLDatabase, equipmentId: UUID, in span: TimeSpan, includingEnd: Bool = false, rollover: Int
    ) async throws -> [CounterReading] {
        let rows = try await db.select().columns("id", "role", "sample_key").from("metrics")
            .where("equipment_id", .equal, equipmentId)
            .where("role", .in, [MetricRole.counterGood.rawValue, MetricRole.counterTotal.rawValue, MetricRole.counterReject.rawValue])
            .all()
        var byTime: [Date: CounterReading] = [:]
        for row in rows {
            let sampleKey = try row.decode(column: "sample_key", as: Int32.self)
            let role = try row.decode(column: "role", as: MetricRole.self)
            var samples = try await db.select().columns("ts", "value").from("metric_samples")
                .where("metric_key", .equal, sampleKey).where("ts", .lessThan, span.start)
                .where("value", .greaterThan, SQLBind(-0.5)).where("value", .lessThan, SQLBind(Double(rollover) - 0.5))
                .orderBy("ts", .descending).limit(1).all()
            samples += try await db.select().columns("ts", "value").from("metric_samples")
                .where("metric_key", .equal, sampleKey).where("ts", .greaterThanOrEqual, span.start)
                .where("ts", includingEnd ? .lessThanOrEqual : .lessThan, span.end)
                .orderBy("ts").all()
            for sample in samples {
                let at = try sample.decode(column: "ts", as: Date.self)
                let value = Int(try sample.decode(column: "value", as: Double.self).rounded())
                var reading = byTime[at] ?? CounterReading(at: at)
                switch role {
                case .counterGood: reading.good = value
                case .counterTotal: reading.total = value
                default: reading.reject = value
                }
                byTime[at] = reading
            }
        }
        return byTime.values.sorted { $0.at < $1.at }
    }
}

import Foundation
import MS5Domain

/// One read address and the metric it feeds: the value scaled and offset, passed on when it moved
/// by more than the deadband or when the heartbeat is due.
struct MetricBinding: Sendable {
    let metricId: UUID
    let scale: Double
    let offset: Double
    let deadband: Double
    /// Longest time a value goes unrepeated while it does not change.
    let heartbeat: TimeInterval

    private var last: (value: Double, quality: Int, at: Date)?

    /// The binding of `metric`.
    init(_ metric: Metric, heartbeat: TimeInterval = 60) {
        metricId = metric.id
        scale = metric.scale
        offset = metric.offset
        deadband = metric.deadband
        self.heartbeat = heartbeat
    }

    /// The sample to store for a polled value, nil when it is within the deadband of the last one
    /// stored and the heartbeat is not due. A failed read is stored once as a bad-quality sample
    /// holding the last value.
    mutating func sample(for polled: ControllerSample) -> TelemetrySample? {
        let quality = polled.good ? TelemetrySample.good : 0
        guard let raw = polled.value, raw.isFinite else {
            guard let last, last.quality != 0 else { return nil }
            self.last = (last.value, 0, polled.timestamp)
            return TelemetrySample(metricId: metricId, timestamp: polled.timestamp, value: last.value, quality: 0)
        }
        let value = raw * scale + offset
        if let last, last.quality == quality, abs(value - last.value) <= deadband, polled.timestamp.timeIntervalSince(last.at) < heartbeat {
            return nil
        }
        last = (value, quality, polled.timestamp)
        return TelemetrySample(metricId: metricId, timestamp: polled.timestamp, value: value, quality: quality)
    }
}

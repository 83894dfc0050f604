import Foundation

/// Turns successive raw counter readings into increments, across rollovers and
/// PLC resets.
///
/// A pure state machine per equipment: feed readings in time order with
/// ``ingest(_:)``. The first value of a channel is its baseline and counts
/// nothing. After that, a rise counts the difference; a drop counts
/// `rollover − previous + new` when that is plausible under
/// ``CounterSettings/maximumRatePerSecond`` (a rollover), and otherwise the new
/// value itself, since the counter restarted from 0 (a reset). Both are reported
/// as ``CounterEvent``s.
public struct CounterAccumulator: Sendable, Equatable {
    /// The rollover value and plausibility rate.
    public let settings: CounterSettings
    /// The time of the last accepted reading.
    public private(set) var lastReadingTime: Date?
    /// Last accepted raw value and its time, per channel.
    private var last: [CounterChannel: Baseline] = [:]

    private struct Baseline: Sendable, Equatable {
        var value: Int
        var at: Date
    }

    /// Creates an accumulator with no baseline.
    public init(settings: CounterSettings) {
        self.settings = settings
    }

    /// The last accepted raw value of `channel`.
    public func lastValue(of channel: CounterChannel) -> Int? { last[channel]?.value }

    /// Accepts one reading.
    /// - Returns: The increment since the previous reading (`nil` for the first
    ///   reading or an out-of-order one) and the events noticed.
    public mutating func ingest(_ reading: CounterReading) -> (increment: CounterIncrement?, events: [CounterEvent]) {
        if let lastReadingTime, reading.at <= lastReadingTime {
            let event = CounterEvent(kind: .outOfOrder, channel: nil, at: reading.at, previousValue: nil, value: nil)
            return (nil, [event])
        }
        let isFirst = lastReadingTime == nil
        lastReadingTime = reading.at
        var increment = CounterIncrement(at: reading.at)
        var events: [CounterEvent] = []
        for channel in CounterChannel.allCases {
            guard let value = reading.value(of: channel) else { continue }
            let delta = accept(value, on: channel, at: reading.at, events: &events)
            switch channel {
            case .good: increment.good = delta
            case .total: increment.total = delta
            case .reject: increment.reject = delta
            }
        }
        return (isFirst ? nil : increment, events)
    }

    private mutating func accept(_ value: Int, on channel: CounterChannel, at time: Date, events: inout [CounterEvent]) -> Int? {
        let previous = last[channel]
        guard (0..<settings.rollover).contains(value) else {
            events.append(CounterEvent(kind: .outOfRange, channel: channel, at: time, previousValue: previous?.value, value: value))
            return nil
        }
        last[channel] = Baseline(value: value, at: time)
        guard let previous else { return nil }
        if value >= previous.value { return value - previous.value }
        let wrapped = settings.rollover - previous.value + value
        let plausible = settings.maximumRatePerSecond * time.timeIntervalSince(previous.at)
        let kind: CounterEventKind = Double(wrapped) <= plausible ? .rollover : .reset
        events.append(CounterEvent(kind: kind, channel: channel, at: time, previousValue: previous.value, value: value))
        return kind == .rollover ? wrapped : value
    }
}

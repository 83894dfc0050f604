import Foundation

/// An equipment's state intervals, closed and ready for set arithmetic.
///
/// The open (current) interval is closed at ``asOf``; intervals are sorted by start.
/// Time not covered by any interval (no data) belongs to none of the spans below.
public struct StateTimeline: Sendable, Equatable, Hashable, Codable {
    /// The intervals, sorted, each with an `end`.
    public private(set) var intervals: [StateInterval]
    /// The instant at which an open interval is taken to end.
    public private(set) var asOf: Date

    /// Sorts `intervals` and closes an open one at `asOf`; intervals starting at or
    /// after `asOf` are dropped.
    public init(_ intervals: [StateInterval], asOf: Date) {
        self.asOf = asOf
        self.intervals = intervals
            .filter { $0.start < asOf }
            .map { interval in
                var closed = interval
                closed.end = min(interval.end ?? asOf, asOf)
                return closed
            }
            .sorted { $0.start < $1.start }
    }

    /// The time covered by intervals satisfying `predicate`.
    public func spans(where predicate: (StateInterval) -> Bool) -> TimeSpanSet {
        TimeSpanSet(intervals.filter(predicate).map { TimeSpan(start: $0.start, end: $0.end ?? asOf) })
    }

    /// Time in maintenance mode, whatever the state: planned downtime for the KPIs.
    public var maintenanceMode: TimeSpanSet { spans { $0.mode == .maintenance } }

    /// Time running outside maintenance mode.
    public var running: TimeSpanSet { spans { $0.state == .running && $0.mode != .maintenance } }

    /// Time not running outside maintenance mode: the raw material of stops.
    public var notRunning: TimeSpanSet { spans { $0.state != .running && $0.mode != .maintenance } }

    /// The state of the interval containing `date`, if any.
    public func state(at date: Date) -> MachineState? {
        intervals.last { $0.start <= date && date < ($0.end ?? asOf) }?.state
    }
}

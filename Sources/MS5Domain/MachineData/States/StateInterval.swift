import Foundation

/// A stretch of time during which one equipment had one state and mode.
///
/// Intervals of a ``StateDeriver`` are contiguous: each closed interval's ``end`` is
/// the next interval's ``start``.
public struct StateInterval: Sendable, Equatable, Hashable, Codable {
    /// The state.
    public var state: MachineState
    /// The mode.
    public var mode: MachineMode
    /// Start, inclusive.
    public var start: Date
    /// End, exclusive; `nil` while the interval is open (current).
    public var end: Date?

    /// Creates an interval.
    public init(state: MachineState, mode: MachineMode, start: Date, end: Date? = nil) {
        self.state = state
        self.mode = mode
        self.start = start
        self.end = end
    }

    /// Creates an interval for a condition.
    public init(condition: MachineCondition, start: Date, end: Date? = nil) {
        self.init(state: condition.state, mode: condition.mode, start: start, end: end)
    }

    /// The state and mode.
    public var condition: MachineCondition { MachineCondition(state: state, mode: mode) }

    /// `end - start` in seconds, `nil` while open.
    public var duration: TimeInterval? { end.map { $0.timeIntervalSince(start) } }
}

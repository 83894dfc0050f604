import MS5Domain
import Foundation

/// Ground truth: one machine was in one state (for one cause) from ``start`` until ``end``.
public struct MachineStateInterval: Sendable, Hashable, Codable {
    /// The machine.
    public var machine: LineMachine
    /// What it was doing.
    public var state: SimulatedMachineState
    /// Why it was stopped or faulted; `nil` for running, starved and blocked.
    public var cause: StopCause?
    /// The tick at which the state began (samples showing it carry the same timestamp).
    public var start: Date
    /// The tick at which the next state began; `nil` while the interval is still open.
    public var end: Date?

    /// Equipment code of ``machine``.
    public var equipment: String { machine.code }

    /// Creates an interval.
    public init(machine: LineMachine, state: SimulatedMachineState, cause: StopCause?, start: Date, end: Date?) {
        self.machine = machine
        self.state = state
        self.cause = cause
        self.start = start
        self.end = end
    }

    /// Length in seconds, measured up to `now` for an open interval.
    public func duration(upTo now: Date) -> TimeInterval {
        (end ?? now).timeIntervalSince(start)
    }

    /// `true` when `time` lies in `start ..< end` (an open interval extends forever).
    public func contains(_ time: Date) -> Bool {
        time >= start && (end.map { time < $0 } ?? true)
    }
}

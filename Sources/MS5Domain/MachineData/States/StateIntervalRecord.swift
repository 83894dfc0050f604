import Foundation

/// One interval of an equipment's state timeline as stored and shown.
public struct StateIntervalRecord: Codable, Sendable, Equatable {
    public let state: MachineState
    public let mode: MachineMode
    public let start: Date
    /// Nil while the interval is the current one.
    public let end: Date?

    /// Creates an interval record.
    public init(state: MachineState, mode: MachineMode, start: Date, end: Date?) {
        self.state = state
        self.mode = mode
        self.start = start
        self.end = end
    }
}

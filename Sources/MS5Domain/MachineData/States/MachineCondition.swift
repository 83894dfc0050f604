/// A machine state together with the mode it was in.
///
/// This is what debouncing and intervals work on: a change of either the state or
/// the mode starts a new interval.
public struct MachineCondition: Sendable, Equatable, Hashable, Codable {
    /// The PackML-aligned state.
    public var state: MachineState
    /// The operating mode.
    public var mode: MachineMode

    /// Creates a condition.
    public init(state: MachineState, mode: MachineMode) {
        self.state = state
        self.mode = mode
    }
}

/// What a fault-catalog entry means for the operator and for state derivation.
public enum FaultKind: String, ClosedSet, Equatable, Hashable {
    /// A real fault. Only faults take part in first-out detection; an internal
    /// fault drives the machine state to ``MachineState/held``.
    case fault
    /// An advisory condition. Never first-out, never changes the machine state.
    case warning
    /// An informational status. Never first-out; an upstream or downstream status
    /// (e.g. "infeed empty") drives the machine state to ``MachineState/suspended``.
    case status
}

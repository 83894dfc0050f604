/// What a workflow instance's signal wait waits for.
public enum SignalKind: String, ClosedSet, Hashable {
    /// A change of an equipment's machine state (`machine.state.changed.v1`).
    case stateChange = "state-change"
    /// A fault of an equipment raised (`machine.fault.v1`).
    case fault
    /// An equipment's counter moving on by a number of pieces.
    case count
    /// A named signal a person sends (`POST /v1/workflows/{id}/signals`).
    case user
}

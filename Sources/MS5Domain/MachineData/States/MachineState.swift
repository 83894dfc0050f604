/// The machine state of one equipment, aligned to the PackML state model.
///
/// Raw values are the lower-case case names, which is also their `Codable` form.
public enum MachineState: String, ClosedSet, Equatable, Hashable {
    /// Producing (PackML Execute).
    case running
    /// Ready, but not producing and with no fault or external cause.
    case idle
    /// Stopped by an internal fault (PackML Held).
    case held
    /// Waiting on an external cause: starved (upstream) or blocked (downstream).
    case suspended
    /// Not ready to produce (PackML Stopped).
    case stopped
}

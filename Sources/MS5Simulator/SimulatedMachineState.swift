import MS5Domain
/// The ground-truth state of one machine during a time interval.
///
/// The raw values are also the codes written to the simulated `Slicer_State` tag.
public enum SimulatedMachineState: Int, Sendable, Hashable, CaseIterable, Codable {
    /// Not producing for a reason of its own that is not a fault: a micro-stop, a product
    /// changeover or a planned break (see ``StopCause``).
    case stopped = 0
    /// Producing (possibly paced below its own rate by a neighbour).
    case running = 1
    /// Able to run but its infeed buffer is empty and the upstream machine delivers nothing.
    case starved = 2
    /// Able to run but its outfeed buffer is full and the downstream machine takes nothing.
    case blocked = 3
    /// Stopped by an active fault.
    case faulted = 4

    /// Lower-case name (`"running"`, `"starved"`, …) for logs and reports.
    public var name: String {
        switch self {
        case .stopped: "stopped"
        case .running: "running"
        case .starved: "starved"
        case .blocked: "blocked"
        case .faulted: "faulted"
        }
    }
}

import MS5Domain
/// Why a machine was ``SimulatedMachineState/stopped`` or ``SimulatedMachineState/faulted``.
///
/// Running, starved and blocked intervals carry no cause: starved and blocked are caused by
/// the neighbouring machine, whose own interval tells why.
public enum StopCause: Sendable, Hashable, Codable {
    /// A short stop of a few seconds without any fault bit (a jam cleared at once, a hesitation).
    case microStop
    /// A fault from the catalog. `bit` is the `Fault[bit]` set in Bagger 1's fault words while
    /// it lasts, or `nil` when the catalog has no entry for the stopped machine.
    case fault(bit: Int?, text: String)
    /// A product changeover from one product code to the next (planned stop).
    case changeover(fromProduct: Int, toProduct: Int)
    /// A scheduled break: the whole line is stopped (planned stop).
    case plannedBreak

    /// `true` for changeovers and breaks, i.e. stops that OEE counts as planned.
    public var isPlanned: Bool {
        switch self {
        case .changeover, .plannedBreak: true
        case .microStop, .fault: false
        }
    }
}

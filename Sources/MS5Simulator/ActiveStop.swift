import MS5Domain
/// A stop in progress on one machine, or the bagger's active warning (internal bookkeeping).
struct ActiveStop: Sendable {
    /// Why the machine is stopped; `.fault` for faults and warnings alike.
    var cause: StopCause
    /// Ticks left, including the current one.
    var remainingTicks: Int
    /// Index of the matching ``FaultOccurrence`` in the truth recorder, if one was opened.
    var occurrenceIndex: Int?
    /// The `Fault[bit]` to set while the stop lasts.
    var bit: Int?
    /// `true` for faults whose text is about oil pressure (drives the simulated pressure down).
    var lowersOilPressure: Bool

    /// `true` when the stop is a fault (state ``SimulatedMachineState/faulted``), not a micro-stop.
    var isFault: Bool {
        if case .fault = cause { return true }
        return false
    }
}

import MS5Domain
import Foundation

/// Records the ground truth: state intervals per machine and fault occurrences (internal).
struct TruthRecorder: Sendable {
    /// Finished intervals, in the order they were closed.
    private(set) var closedIntervals: [MachineStateInterval] = []
    /// The interval each machine is in now (indexed by ``LineMachine/rawValue``).
    private(set) var openIntervals: [MachineStateInterval?] = Array(repeating: nil, count: LineMachine.allCases.count)
    /// Every fault and warning occurrence, in start order.
    private(set) var faults: [FaultOccurrence] = []

    /// Notes the state of `machine` on the tick at `time`; opens a new interval when it changed.
    mutating func note(_ machine: LineMachine, state: SimulatedMachineState, cause: StopCause?, at time: Date) {
        let index = machine.rawValue
        if let current = openIntervals[index] {
            if current.state == state && current.cause == cause { return }
            var finished = current
            finished.end = time
            closedIntervals.append(finished)
        }
        openIntervals[index] = MachineStateInterval(machine: machine, state: state, cause: cause, start: time, end: nil)
    }

    /// Opens a fault or warning occurrence and returns its index.
    mutating func openFault(
        machine: LineMachine, bit: Int?, text: String, kind: FaultKind, at time: Date
    ) -> Int {
        faults.append(FaultOccurrence(machine: machine, bit: bit, text: text, kind: kind, start: time, end: nil))
        return faults.count - 1
    }

    /// Closes the occurrence at `index`.
    mutating func closeFault(at index: Int, time: Date) {
        faults[index].end = time
    }

    /// All intervals, closed and open, ordered by start time and then line order.
    var allIntervals: [MachineStateInterval] {
        (closedIntervals + openIntervals.compactMap { $0 }).sorted {
            ($0.start, $0.machine.rawValue) < ($1.start, $1.machine.rawValue)
        }
    }

    /// Forgets closed intervals and finished occurrences that ended before `time`.
    /// Open fault occurrences keep their place; indexes held by active stops are remapped by the
    /// returned table (old index → new index).
    mutating func discard(before time: Date) -> [Int: Int] {
        closedIntervals.removeAll { ($0.end ?? time) < time }
        var remap: [Int: Int] = [:]
        var kept: [FaultOccurrence] = []
        for (index, occurrence) in faults.enumerated() {
            if let end = occurrence.end, end < time { continue }
            remap[index] = kept.count
            kept.append(occurrence)
        }
        faults = kept
        return remap
    }
}

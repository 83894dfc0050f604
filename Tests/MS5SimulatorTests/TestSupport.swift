import MS5Domain
import Foundation
import MS5Simulator

/// 2026-01-01 00:00:00 UTC — a midnight, so daily windows fall at predictable offsets.
let midnight = Date(timeIntervalSince1970: 1_767_225_600)

/// Samples of one tag, in order.
func series(_ samples: [SimulatedSample], _ tag: SimulatedTag) -> [SimulatedSample] {
    samples.filter { $0.equipment == tag.equipment && $0.metric == tag.metric }
}

/// The value a tag had at `time`: the last sample at or before it.
func value(of tag: SimulatedTag, at time: Date, in samples: [SimulatedSample]) -> Double? {
    samples.last { $0.equipment == tag.equipment && $0.metric == tag.metric && $0.timestamp <= time }?.value
}

/// Sum of the deltas between consecutive counter values, treating a drop as a wrap at `modulus`.
func wrappedDeltaSum(_ values: [Double], modulus: Int) -> Int {
    zip(values, values.dropFirst()).reduce(0) { sum, pair in
        let delta = Int(pair.1) - Int(pair.0)
        return sum + (delta >= 0 ? delta : delta + modulus)
    }
}

/// A deterministic, text rendering of samples for byte-for-byte comparison.
func render(_ samples: [SimulatedSample]) -> String {
    samples.map { "\($0.equipment),\($0.metric),\($0.timestamp.timeIntervalSince1970),\($0.value)" }
        .joined(separator: "\n")
}

/// Intervals of one machine.
func intervals(_ truth: [MachineStateInterval], _ machine: LineMachine) -> [MachineStateInterval] {
    truth.filter { $0.machine == machine }
}

/// Result of simulating one standard day, shared by several tests (computed once).
struct DayRun: Sendable {
    let samples: [SimulatedSample]
    let truth: [MachineStateInterval]
    let faults: [FaultOccurrence]
    let totals: [LineMachine: ProductionTotals]
    let configuration: SimulatorConfiguration
    let end: Date
    let seconds: Double
}

/// One simulated day (seed 2026, standard configuration) starting at ``midnight``.
let standardDay: DayRun = {
    var simulator = BreadLineSimulator(seed: 2026, start: midnight)
    let end = midnight.addingTimeInterval(86_400)
    let clock = ContinuousClock()
    let began = clock.now
    let samples = simulator.advance(to: end)
    let elapsed = clock.now - began
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    var totals: [LineMachine: ProductionTotals] = [:]
    for machine in LineMachine.allCases {
        totals[machine] = simulator.productionTotals(for: machine)
    }
    return DayRun(
        samples: samples, truth: simulator.truth, faults: simulator.faultHistory, totals: totals,
        configuration: simulator.configuration, end: end, seconds: seconds)
}()

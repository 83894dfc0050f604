import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("Starved and blocked propagation")
struct PropagationTests {
    @Test("a slicer stop starves the bagger once its 12-piece buffer has emptied")
    func starvedAfterUpstreamStop() throws {
        var configuration = SimulatorConfiguration.quiet
        let stopAt = midnight.addingTimeInterval(60)
        configuration.scriptedStops = [ScriptedStop(machine: .slicer, start: stopAt, duration: 120, kind: .microStop)]
        var simulator = BreadLineSimulator(seed: 31, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(400))
        let truth = simulator.truth

        let slicerStop = try #require(intervals(truth, .slicer).first { $0.state == .stopped })
        #expect(slicerStop.start == stopAt && slicerStop.cause == .microStop)
        let starved = try #require(intervals(truth, .bagger).first { $0.state == .starved })
        // 12 pieces at 60 packs/min drain in 12 s.
        let delay = starved.start.timeIntervalSince(stopAt)
        #expect(delay >= 11 && delay <= 13, "starved after \(delay) s")
        #expect(starved.end == slicerStop.end)
        // The bagger ran on its buffer in between and was running before.
        let beforeStarved = intervals(truth, .bagger).last { $0.start < starved.start }
        #expect(beforeStarved?.state == .running)
        #expect(value(of: SimulatedTags.baggerSpeed, at: starved.start, in: samples) == 0)
        #expect(value(of: SimulatedTags.baggerSpeed, at: stopAt.addingTimeInterval(5), in: samples) == 60)
        // Downstream, the basket loader is starved too.
        #expect(intervals(truth, .basketLoader).contains { $0.state == .starved && $0.start >= starved.start })
    }

    @Test("a basket loader stop blocks the bagger once its 8-piece conveyor is full, then the slicer")
    func blockedAfterDownstreamStop() throws {
        var configuration = SimulatorConfiguration.quiet
        let stopAt = midnight.addingTimeInterval(60)
        configuration.scriptedStops = [ScriptedStop(machine: .basketLoader, start: stopAt, duration: 180, kind: .fault(bit: 35))]
        var simulator = BreadLineSimulator(seed: 32, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(400))
        let truth = simulator.truth

        let loaderFault = try #require(intervals(truth, .basketLoader).first { $0.state == .faulted })
        #expect(loaderFault.start == stopAt)
        #expect(loaderFault.cause == .fault(bit: 35, text: "Basket Loader Fault"))
        let blocked = try #require(intervals(truth, .bagger).first { $0.state == .blocked })
        let delay = blocked.start.timeIntervalSince(stopAt)
        #expect(delay >= 7 && delay <= 9, "blocked after \(delay) s")
        #expect(blocked.end == loaderFault.end)
        let slicerBlocked = try #require(intervals(truth, .slicer).first { $0.state == .blocked })
        #expect(slicerBlocked.start >= blocked.start)
        #expect(slicerBlocked.start.timeIntervalSince(blocked.start) <= 1)

        // Basket loader status bits and the bagger's view of the fault.
        #expect(value(of: SimulatedTags.basketAutoCycle, at: stopAt, in: samples) == 0)
        #expect(value(of: SimulatedTags.basketManualMode, at: stopAt, in: samples) == 1)
        #expect(value(of: SimulatedTags.basketAutoCycle, at: stopAt.addingTimeInterval(-1), in: samples) == 1)
        #expect(value(of: SimulatedTags.basketManualMode, at: stopAt.addingTimeInterval(200), in: samples) == 0)
        let word1 = try #require(value(of: SimulatedTags.baggerFaultWord1, at: stopAt, in: samples))
        #expect(FaultWords.isSet(bit: 35, inWord: 1, value: word1))
        #expect(value(of: SimulatedTags.slicerState, at: slicerBlocked.start, in: samples)
            == Double(SimulatedMachineState.blocked.rawValue))
    }

    @Test("with no events the line runs at the bagger's rate and nobody waits")
    func steadyState() {
        var simulator = BreadLineSimulator(seed: 33, start: midnight, configuration: .quiet)
        let samples = simulator.advance(to: midnight.addingTimeInterval(3600))
        #expect(simulator.truth.allSatisfy { $0.state == .running })
        #expect(simulator.productionTotals(for: .bagger).total == 3600)
        #expect(series(samples, SimulatedTags.baggerSpeed).map(\.value).allSatisfy { $0 == 60 })
        #expect(simulator.bufferLevels.slicerToBagger == 12)
    }
}

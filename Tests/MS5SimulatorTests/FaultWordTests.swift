import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("Fault words")
struct FaultWordTests {
    @Test("catalog bits map onto word and bit", arguments: [
        (0, 0, 0), (31, 0, 31), (32, 1, 0), (35, 1, 3), (59, 1, 27), (63, 1, 31),
    ])
    func location(bit: Int, word: Int, bitInWord: Int) {
        let location = FaultWords.location(ofBit: bit)
        #expect(location.word == word)
        #expect(location.bit == bitInWord)
        let words = FaultWords.words(fromMask: 1 << UInt64(bit))
        let value = Double(word == 0 ? words.word0 : words.word1)
        #expect(value == Double(UInt32(1) << UInt32(bitInWord)))
        #expect(FaultWords.isSet(bit: bit, inWord: word, value: value))
        #expect(!FaultWords.isSet(bit: bit, inWord: 1 - word, value: value))
    }

    @Test("Machine Running (Fault[59]) is word 1 bit 27 and follows the bagger's running state")
    func machineRunningBit() {
        var configuration = SimulatorConfiguration.quiet
        let stopAt = midnight.addingTimeInterval(100)
        configuration.scriptedStops = [ScriptedStop(machine: .bagger, start: stopAt, duration: 30, kind: .microStop)]
        var simulator = BreadLineSimulator(seed: 11, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(200))
        let word1 = SimulatedTags.baggerFaultWord1

        let running = value(of: word1, at: midnight.addingTimeInterval(50), in: samples) ?? -1
        #expect(FaultWords.isSet(bit: 59, inWord: 1, value: running))
        #expect(UInt32(running) & (1 << 27) != 0)
        let stopped = value(of: word1, at: stopAt, in: samples) ?? -1
        #expect(!FaultWords.isSet(bit: 59, inWord: 1, value: stopped))
        #expect(FaultWords.isSet(bit: 57, inWord: 1, value: stopped))  // OK To Press Start while micro-stopped
        #expect(FaultWords.isSet(bit: 58, inWord: 1, value: stopped))  // no fault: slicer may run
        let restarted = value(of: word1, at: stopAt.addingTimeInterval(30), in: samples) ?? -1
        #expect(FaultWords.isSet(bit: 59, inWord: 1, value: restarted))
        // The running bit mirrors the truth at every sample.
        for sample in series(samples, word1) {
            let state = simulator.truth.first { $0.machine == .bagger && $0.contains(sample.timestamp) }?.state
            #expect(FaultWords.isSet(bit: 59, inWord: 1, value: sample.value) == (state == .running))
        }
    }

    @Test("a bagger fault sets its bit in word 1 for its duration and clears it after")
    func baggerFaultBit() throws {
        var configuration = SimulatorConfiguration.quiet
        configuration.faultCatalog.append(FaultCatalogEntry(bit: 40, text: "Discharge Roller Fault", kind: .fault))
        let faultAt = midnight.addingTimeInterval(120)
        configuration.scriptedStops = [ScriptedStop(machine: .bagger, start: faultAt, duration: 60, kind: .fault(bit: 40))]
        var simulator = BreadLineSimulator(seed: 12, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(300))
        let word1 = SimulatedTags.baggerFaultWord1

        let before = try #require(value(of: word1, at: faultAt.addingTimeInterval(-1), in: samples))
        let during = try #require(value(of: word1, at: faultAt, in: samples))
        let after = try #require(value(of: word1, at: faultAt.addingTimeInterval(60), in: samples))
        #expect(!FaultWords.isSet(bit: 40, inWord: 1, value: before))
        #expect(UInt32(during) & (1 << 8) != 0)
        #expect(!FaultWords.isSet(bit: 58, inWord: 1, value: during))  // not OK to start slicer while faulted
        #expect(!FaultWords.isSet(bit: 40, inWord: 1, value: after))
        #expect(value(of: SimulatedTags.baggerFaultWord0, at: faultAt, in: samples) == 0)

        let occurrence = try #require(simulator.faultHistory.first)
        #expect(occurrence.bit == 40 && occurrence.text == "Discharge Roller Fault" && occurrence.kind == .fault)
        #expect(occurrence.start == faultAt && occurrence.end == faultAt.addingTimeInterval(60))
        let faulted = simulator.truth.first { $0.machine == .bagger && $0.state == .faulted }
        #expect(faulted?.cause == .fault(bit: 40, text: "Discharge Roller Fault"))
        #expect(faulted?.start == faultAt && faulted?.end == faultAt.addingTimeInterval(60))
    }

    @Test("a slicer fault sets its bit in word 0, faults the slicer and drops its oil pressure")
    func slicerFaultBit() throws {
        var configuration = SimulatorConfiguration.quiet
        let faultAt = midnight.addingTimeInterval(60)
        configuration.scriptedStops = [ScriptedStop(machine: .slicer, start: faultAt, duration: 120, kind: .fault(bit: 8))]
        var simulator = BreadLineSimulator(seed: 13, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(300))

        let word0 = try #require(value(of: SimulatedTags.baggerFaultWord0, at: faultAt, in: samples))
        #expect(UInt32(word0) == 1 << 8)
        #expect(value(of: SimulatedTags.baggerFaultWord0, at: faultAt.addingTimeInterval(120), in: samples) == 0)
        #expect(value(of: SimulatedTags.slicerState, at: faultAt, in: samples) == Double(SimulatedMachineState.faulted.rawValue))
        #expect(simulator.faultHistory.first?.text == "Slicer Low Oil Pressure")
        let pressure = try #require(value(of: SimulatedTags.slicerOilPressure, at: faultAt.addingTimeInterval(60), in: samples))
        let normal = try #require(value(of: SimulatedTags.slicerOilPressure, at: faultAt.addingTimeInterval(-1), in: samples))
        #expect(pressure < 2 && normal > 4)
    }

    @Test("over a day every fault and warning bit is set at its start and cleared at its end")
    func dayFaultBits() {
        let day = standardDay
        let withBits = day.faults.filter { $0.bit != nil }
        #expect(day.faults.contains { $0.kind == .fault })
        #expect(day.faults.contains { $0.kind == .warning })
        for occurrence in withBits {
            guard let bit = occurrence.bit else { continue }
            let tag = bit < 32 ? SimulatedTags.baggerFaultWord0 : SimulatedTags.baggerFaultWord1
            let word = bit / 32
            let atStart = value(of: tag, at: occurrence.start, in: day.samples) ?? -1
            #expect(FaultWords.isSet(bit: bit, inWord: word, value: atStart), "\(occurrence)")
            guard let end = occurrence.end else { continue }
            let sameBitStillActive = withBits.contains {
                $0 != occurrence && $0.bit == bit && $0.start <= end && ($0.end.map { $0 > end } ?? true)
            }
            let atEnd = value(of: tag, at: end, in: day.samples) ?? -1
            #expect(FaultWords.isSet(bit: bit, inWord: word, value: atEnd) == sameBitStillActive, "\(occurrence)")
        }
        // Only catalog faults and warnings are drawn, never status entries.
        let statusBits = Set(day.configuration.faultCatalog.filter { $0.kind == .status }.map(\.bit))
        #expect(withBits.allSatisfy { !statusBits.contains($0.bit ?? -1) })
    }

    @Test("a caller-supplied catalog replaces the default one")
    func customCatalog() {
        var configuration = SimulatorConfiguration.quiet
        configuration.baggerFaults = StopProfile(meanRunTimeBetween: 600, minDuration: 10, maxDuration: 30)
        configuration.faultCatalog = [
            FaultCatalogEntry(bit: 42, text: "Torque Limit Exceeded", kind: .fault),
            FaultCatalogEntry(bit: 53, text: "not defined", kind: .status),
            FaultCatalogEntry(bit: 64, text: "Error", kind: .fault),  // out of range: ignored
        ]
        var simulator = BreadLineSimulator(seed: 21, start: midnight, configuration: configuration)
        _ = simulator.advance(to: midnight.addingTimeInterval(4 * 3600))
        let faults = simulator.faultHistory
        #expect(faults.count > 5)
        #expect(faults.allSatisfy { $0.bit == 42 && $0.machine == .bagger && $0.text == "Torque Limit Exceeded" })
    }
}

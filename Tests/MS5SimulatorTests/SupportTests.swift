import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("Building blocks")
struct SupportTests {
    @Test("SplitMix64 matches the reference sequence for seed 0")
    func splitMixReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("uniform draws stay in 0..<1 and average one half")
    func uniform() {
        var generator = SplitMix64(seed: 77)
        let draws = (0 ..< 20_000).map { _ in generator.nextUnit() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 0.5) < 0.01)
        var exponential = SplitMix64(seed: 78)
        let waits = (0 ..< 20_000).map { _ in exponential.nextExponential(mean: 10) }
        #expect(abs(waits.reduce(0, +) / Double(waits.count) - 10) < 0.3)
    }

    @Test("the deterministic logarithm agrees with the platform's", arguments: [
        1e-300, 1e-9, 0.001, 0.3, 0.5, 0.7071, 1, 1.0000001, 1.5, 2, 2.718281828459045, 10, 12_345.678, 1e300,
    ])
    func logarithm(value: Double) {
        let ours = DeterministicMath.naturalLog(value)
        #expect(abs(ours - log(value)) <= 1e-14 * max(1, abs(log(value))))
    }

    @Test("the tag catalog is unique and complete")
    func tagCatalog() {
        let keys = SimulatedTags.all.map { $0.equipment + "/" + $0.metric }
        #expect(Set(keys).count == keys.count)
        #expect(Set(SimulatedTags.all.map(\.equipment)) == Set(LineMachine.allCases.map(\.code)))
        let real = SimulatedTags.all.filter(\.isRealTag).map(\.metric)
        #expect(Set(real) == ["MC_Avg_Speed", "Current_Product", "Count_Blade_PEC.ACC", "Fault.Word0", "Fault.Word1",
                              "N7:100", "B3:0/8", "B3:0/2"])
        let roles = Set(SimulatedTags.all.map(\.role))
        #expect(roles == Set(MetricRole.allCases))
        #expect(MetricRole.counterGood.rawValue == "counter_good")
        #expect(SimulatedTags.tag(equipment: "BAG1", metric: "MC_Avg_Speed")?.unit == "packs/min")
        #expect(LineMachine(code: "BSK1") == .basketLoader && LineMachine(code: "XYZ") == nil)
    }

    @Test("fault texts are attributed to the machine they stop")
    func faultAttribution() {
        let sample = FaultCatalog.bagger1Sample
        #expect(sample.first { $0.bit == 8 }?.stoppedMachine == .slicer)
        #expect(sample.first { $0.bit == 31 }?.stoppedMachine == .slicer)
        #expect(sample.first { $0.bit == 35 }?.stoppedMachine == .basketLoader)
        #expect(sample.first { $0.bit == 39 }?.stoppedMachine == .bagger)
        #expect(sample.first { $0.bit == 59 }?.kind == .status)
        #expect(FaultCatalog.inferredMachine(forText: "Slicer Blades Inverter / Circuit Breaker Fault") == .slicer)
        #expect(FaultCatalog.inferredMachine(forText: "Wicket Servo Fault") == .bagger)
    }
}

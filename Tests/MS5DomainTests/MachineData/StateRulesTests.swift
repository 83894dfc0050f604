import Foundation
import MS5Domain
import Testing

@Suite("StateRules: precedence, mode, state tag, Codable")
struct StateRulesTests {
    let rules = DerivedStateRules(
        runningBit: "auto", speedMetric: "speed", runningSpeedThreshold: 10,
        readyBit: "ready", starvedBit: "starved", blockedBit: "blocked",
        modeRules: ModeRules(manualBit: "manual", maintenanceBit: "maint"))

    let running: [String: Double] = ["ready": 1, "auto": 1, "speed": 50]
    let internalFault = activeFault("F1", .fault, .internal)

    func state(_ values: [String: Double], _ faults: [ActiveFault] = []) -> MachineState {
        rules.state(values: values, activeFaults: faults)
    }

    func with(_ extra: [String: Double]) -> [String: Double] {
        running.merging(extra) { _, new in new }
    }

    @Test("the metric keys the rules read are exactly those they name, mode rules included")
    func metricKeys() {
        #expect(StateRules.derived(rules).metricKeys == ["auto", "speed", "ready", "starved", "blocked", "manual", "maint"])
        #expect(StateRules.derived(DerivedStateRules(speedMetric: "speed")).metricKeys == ["speed"])
        let tag = StateTagRules(metric: "State", mapping: [6: .running], modeRules: ModeRules(modeMetric: "Mode"))
        #expect(StateRules.fromStateTag(tag).metricKeys == ["State", "Mode"])
        // Every key outside them leaves the condition as it is.
        let condition = StateRules.derived(rules).evaluate(values: running, activeFaults: [])
        #expect(StateRules.derived(rules).evaluate(values: running.merging(["temperature": 0, "count": 5]) { $1 }, activeFaults: []) == condition)
    }

    @Test("precedence held > suspended > running > idle > stopped")
    func precedence() {
        #expect(state(running) == .running)
        // suspended beats running: starved/blocked bits, upstream status, downstream fault.
        #expect(state(with(["starved": 1])) == .suspended)
        #expect(state(with(["blocked": 1])) == .suspended)
        #expect(state(running, [activeFault("S1", .status, .upstream)]) == .suspended)
        #expect(state(running, [activeFault("F2", .fault, .downstream)]) == .suspended)
        // held beats suspended and running.
        #expect(state(with(["starved": 1]), [internalFault]) == .held)
        #expect(state(running, [activeFault("S1", .status, .upstream), internalFault]) == .held)
        // running beats idle/stopped: ready off does not matter while running.
        #expect(state(with(["ready": 0])) == .running)
        // idle beats stopped; stopped is the fallback when the ready bit is off or missing.
        #expect(state(["ready": 1]) == .idle)
        #expect(state(["ready": 0]) == .stopped)
        #expect(state([:]) == .stopped)
    }

    @Test("warnings, internal statuses and faults with useActiveFaults off do not change the state")
    func ignoredFaults() {
        let ignored = [
            activeFault("W1", .warning, .internal),
            activeFault("W2", .warning, .upstream),
            activeFault("S3", .status, .internal),
        ]
        #expect(state(running, ignored) == .running)
        var noFaults = rules
        noFaults.useActiveFaults = false
        #expect(noFaults.state(values: running, activeFaults: [internalFault]) == .running)
    }

    @Test("running needs the bit on and speed strictly above the threshold")
    func runningCondition() {
        #expect(state(with(["speed": 10])) == .idle)  // 10 is not > 10
        #expect(state(with(["speed": 10.5])) == .running)
        #expect(state(with(["speed": .nan])) == .idle)
        #expect(state(with(["auto": 0])) == .idle)
        #expect(state(with(["auto": .nan])) == .idle)
        #expect(state(["ready": 1, "auto": 1]) == .idle)  // speed configured but never received
        // Only a speed metric: speed > 0 is running. Nothing configured: never running.
        let speedOnly = DerivedStateRules(speedMetric: "speed")
        #expect(speedOnly.state(values: ["speed": 1], activeFaults: []) == .running)
        #expect(speedOnly.state(values: ["speed": 0], activeFaults: []) == .idle)
        let nothing = DerivedStateRules()
        #expect(nothing.state(values: running, activeFaults: []) == .idle)
    }

    @Test("mode: mapped mode tag > maintenance bit > manual bit > production")
    func mode() {
        let modes = ModeRules(
            manualBit: "manual", maintenanceBit: "maint", modeMetric: "unitMode",
            modeMapping: [1: .production, 2: .maintenance, 3: .manual])
        #expect(modes.mode(values: [:]) == .production)
        #expect(modes.mode(values: ["manual": 1]) == .manual)
        #expect(modes.mode(values: ["manual": 1, "maint": 1]) == .maintenance)
        #expect(modes.mode(values: ["maint": 1, "unitMode": 3]) == .manual)
        #expect(modes.mode(values: ["maint": 1, "unitMode": 1]) == .production)
        // Unmapped mode value falls through to the bits.
        #expect(modes.mode(values: ["manual": 1, "unitMode": 9]) == .manual)
        let combined = StateRules.derived(rules).evaluate(values: with(["manual": 1]), activeFaults: [])
        #expect(combined == MachineCondition(state: .running, mode: .manual))
    }

    @Test("fromStateTag maps integers; unknown, fractional, NaN, huge and missing go to the default")
    func stateTagMapping() {
        let tag = StateRules.fromStateTag(
            metric: "plc", mapping: [1: .stopped, 2: .idle, 5: .suspended, 6: .running, 11: .held],
            default: .idle)
        func state(_ values: [String: Double]) -> MachineState {
            tag.evaluate(values: values, activeFaults: []).state
        }
        #expect(state(["plc": 1]) == .stopped)
        #expect(state(["plc": 5]) == .suspended)
        #expect(state(["plc": 6]) == .running)
        #expect(state(["plc": 11]) == .held)
        #expect(state(["plc": 99]) == .idle)
        #expect(state(["plc": -3]) == .idle)
        #expect(state(["plc": 6.5]) == .idle)
        #expect(state(["plc": .nan]) == .idle)
        #expect(state(["plc": 1e300]) == .idle)
        #expect(state([:]) == .idle)
        // Faults are not used with a state tag.
        #expect(tag.evaluate(values: ["plc": 6], activeFaults: [internalFault]).state == .running)
    }

    @Test("minimumDuration that is negative, NaN or infinite counts as 0")
    func minimumDurationSanitized() {
        #expect(StateRules.derived(DerivedStateRules(minimumDuration: 5)).minimumDuration == 5)
        #expect(StateRules.derived(DerivedStateRules(minimumDuration: -1)).minimumDuration == 0)
        #expect(StateRules.derived(DerivedStateRules(minimumDuration: .nan)).minimumDuration == 0)
        #expect(StateRules.derived(DerivedStateRules(minimumDuration: .infinity)).minimumDuration == 0)
    }

    @Test("JSON decoding with defaults, and round trip")
    func codable() throws {
        let derivedJSON = """
            {"type": "derived", "runningBit": "Auto", "speedMetric": "Speed",
             "runningSpeedThreshold": 10, "minimumDuration": 5, "modeRules": {"manualBit": "Jog"}}
            """
        let derived = try JSONDecoder().decode(StateRules.self, from: Data(derivedJSON.utf8))
        let expectedDerived = StateRules.derived(
            DerivedStateRules(
                runningBit: "Auto", speedMetric: "Speed", runningSpeedThreshold: 10,
                modeRules: ModeRules(manualBit: "Jog"), minimumDuration: 5))
        #expect(derived == expectedDerived)

        let tagJSON = """
            {"type": "fromStateTag", "metric": "State", "mapping": {"6": "running", "11": "held"}}
            """
        let tag = try JSONDecoder().decode(StateRules.self, from: Data(tagJSON.utf8))
        #expect(tag == .fromStateTag(metric: "State", mapping: [6: .running, 11: .held], default: .stopped))

        for rules in [derived, tag] {
            let data = try JSONEncoder().encode(rules)
            #expect(try JSONDecoder().decode(StateRules.self, from: data) == rules)
        }
        let unknownType = Data(#"{"type": "magic"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StateRules.self, from: unknownType) }
    }
}

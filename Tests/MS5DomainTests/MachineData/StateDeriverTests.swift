import Foundation
import MS5Domain
import Testing

@Suite("StateDeriver: debounce, start times, time handling")
struct StateDeriverTests {
    static func rules(minimumDuration: TimeInterval) -> StateRules {
        .derived(
            DerivedStateRules(
                runningBit: "auto", speedMetric: "speed", runningSpeedThreshold: 10,
                readyBit: "ready", starvedBit: "starved",
                modeRules: ModeRules(manualBit: "manual"), minimumDuration: minimumDuration))
    }

    let runningValues: [String: Double] = ["ready": 1, "auto": 1, "speed": 50]
    let idle = MachineCondition(state: .idle, mode: .production)

    /// A deriver with 5 s debounce that is running from 0 s.
    func runningDeriver() -> StateDeriver {
        var deriver = StateDeriver(rules: Self.rules(minimumDuration: 5), start: t(0), initialState: .running)
        deriver.ingest(runningValues, at: t(0))
        return deriver
    }

    @Test("an input the rules do not read evaluates new rules once, then only moves time")
    func unreadInputs() {
        // Resumed as running (an open interval), with rules the last values cannot satisfy yet.
        var deriver = StateDeriver(rules: Self.rules(minimumDuration: 5), start: t(0), initialState: .running)
        #expect(deriver.unreadInput(at: t(10)) == nil)
        #expect(deriver.pending == PendingCondition(condition: MachineCondition(state: .stopped, mode: .production), since: t(10)))
        // The debounce passes with unread inputs only: stopped is confirmed from 10 s, at 15 s.
        let change = deriver.unreadInput(at: t(15))
        #expect(change?.opened == StateInterval(state: .stopped, mode: .production, start: t(10)))
        #expect(change?.confirmedAt == t(15))
        // Once evaluated, an unread input changes nothing while the condition holds.
        #expect(deriver.unreadInput(at: t(30)) == nil)
        #expect(deriver.pending == nil)
        #expect(deriver.clock == t(30))
    }

    @Test("a new timeline takes its first state at once; one that is stopped at first sight stays stopped")
    func unobservedInitialState() {
        var fresh = StateDeriver(rules: Self.rules(minimumDuration: 5), start: t(0), initialStateUnobserved: true)
        let first = fresh.ingest(runningValues, at: t(0))
        #expect(first == StateChange(closed: nil, opened: StateInterval(state: .running, mode: .production, start: t(0)), confirmedAt: t(0)))
        #expect(fresh.pending == nil)
        // After that the debounce applies as always.
        #expect(fresh.ingest(metric: "speed", value: 0, at: t(10)) == nil)
        #expect(fresh.pending == PendingCondition(condition: idle, since: t(10)))

        var stopped = StateDeriver(rules: Self.rules(minimumDuration: 5), start: t(0), initialStateUnobserved: true)
        #expect(stopped.ingest(["ready": 0, "auto": 0, "speed": 0], at: t(0)) == nil)  // ready bit off: stopped
        #expect(stopped.current == StateInterval(state: .stopped, mode: .production, start: t(0)))
        #expect(stopped.pending == nil)
    }

    @Test("a 2 s flicker is swallowed with minimumDuration 5 s")
    func flickerSwallowed() {
        var deriver = runningDeriver()
        #expect(deriver.pending == nil)
        // Speed drops at 100 s: idle becomes a candidate since 100 s.
        #expect(deriver.ingest(metric: "speed", value: 0, at: t(100)) == nil)
        #expect(deriver.pending == PendingCondition(condition: idle, since: t(100)))
        // Back at 102 s: 102 - 100 = 2 s < 5 s, the candidate is dropped.
        #expect(deriver.ingest(metric: "speed", value: 50, at: t(102)) == nil)
        #expect(deriver.pending == nil)
        #expect(deriver.advance(to: t(200)) == nil)
        #expect(deriver.current == StateInterval(state: .running, mode: .production, start: t(0)))
    }

    @Test("a change is confirmed after 5 s and the new interval starts when it began")
    func confirmedByAdvance() {
        var deriver = runningDeriver()
        deriver.ingest(metric: "speed", value: 0, at: t(300))
        // 304.5 - 300 = 4.5 s < 5 s: not yet.
        #expect(deriver.advance(to: t(304.5)) == nil)
        // 305 - 300 = 5 s >= 5 s: running [0, 300) closes, idle opens at 300 (not 305).
        #expect(
            deriver.advance(to: t(305))
                == StateChange(
                    closed: StateInterval(state: .running, mode: .production, start: t(0), end: t(300)),
                    opened: StateInterval(state: .idle, mode: .production, start: t(300)),
                    confirmedAt: t(305)))
        #expect(deriver.current == StateInterval(state: .idle, mode: .production, start: t(300)))
        #expect(deriver.pending == nil)
    }

    @Test("samples keeping the same candidate do not restart it; an ingest can confirm")
    func confirmedByIngest() {
        var deriver = runningDeriver()
        deriver.ingest(metric: "speed", value: 0, at: t(100))
        // Speed 3 is still <= 10: still idle, candidate keeps since = 100 s.
        #expect(deriver.ingest(metric: "speed", value: 3, at: t(102)) == nil)
        #expect(deriver.pending?.since == t(100))
        // At 105 s: 105 - 100 = 5 s, confirmed before the new value is applied.
        #expect(
            deriver.ingest(metric: "speed", value: 4, at: t(105))
                == StateChange(
                    closed: StateInterval(state: .running, mode: .production, start: t(0), end: t(100)),
                    opened: StateInterval(state: .idle, mode: .production, start: t(100)),
                    confirmedAt: t(105)))
    }

    @Test("a different candidate restarts the debounce from its own start")
    func candidateSwitch() {
        var deriver = runningDeriver()
        deriver.ingest(metric: "speed", value: 0, at: t(100))  // idle since 100
        deriver.ingest(metric: "ready", value: 0, at: t(103))  // stopped since 103
        #expect(deriver.pending?.condition.state == .stopped)
        // 107 - 103 = 4 s < 5 s.
        #expect(deriver.advance(to: t(107)) == nil)
        // 108 - 103 = 5 s: running absorbs the 3 s of idle and ends at 103.
        #expect(
            deriver.advance(to: t(108))
                == StateChange(
                    closed: StateInterval(state: .running, mode: .production, start: t(0), end: t(103)),
                    opened: StateInterval(state: .stopped, mode: .production, start: t(103)),
                    confirmedAt: t(108)))
    }

    @Test("a mode change alone starts a new interval")
    func modeChange() {
        var deriver = runningDeriver()
        deriver.ingest(metric: "manual", value: 1, at: t(50))
        // 55 - 50 = 5 s.
        #expect(
            deriver.advance(to: t(55))
                == StateChange(
                    closed: StateInterval(state: .running, mode: .production, start: t(0), end: t(50)),
                    opened: StateInterval(state: .running, mode: .manual, start: t(50)),
                    confirmedAt: t(55)))
    }

    @Test("with minimumDuration 0, inputs at one instant settle before a later time confirms")
    func zeroDebounceNeedsTimeToPass() {
        var deriver = StateDeriver(rules: Self.rules(minimumDuration: 0), start: t(0))
        #expect(deriver.ingest(metric: "ready", value: 1, at: t(10)) == nil)
        #expect(deriver.ingest(metric: "auto", value: 1, at: t(10)) == nil)
        // Still at 10 s: idle was never confirmed, the candidate is now running since 10 s.
        #expect(deriver.ingest(metric: "speed", value: 20, at: t(10)) == nil)
        #expect(deriver.advance(to: t(10)) == nil)
        // Any later time confirms: stopped [0, 10), running from 10; no zero-length idle.
        #expect(
            deriver.advance(to: t(10.25))
                == StateChange(
                    closed: StateInterval(state: .stopped, mode: .production, start: t(0), end: t(10)),
                    opened: StateInterval(state: .running, mode: .production, start: t(10)),
                    confirmedAt: t(10.25)))
    }

    @Test("inputs at the start instant relabel the initial interval instead of closing it empty")
    func relabelInitialInterval() {
        var deriver = StateDeriver(rules: Self.rules(minimumDuration: 5), start: t(0))
        deriver.ingest(metric: "ready", value: 1, at: t(0))
        #expect(deriver.advance(to: t(4)) == nil)
        #expect(
            deriver.advance(to: t(5))
                == StateChange(
                    closed: nil, opened: StateInterval(state: .idle, mode: .production, start: t(0)),
                    confirmedAt: t(5)))
    }

    @Test("late inputs apply at the clock; stale inputs are ignored; advance backwards is a no-op")
    func lateAndStaleInputs() {
        var deriver = StateDeriver(rules: Self.rules(minimumDuration: 0), start: t(0))
        deriver.ingest(metric: "ready", value: 1, at: t(10))
        #expect(deriver.ingest(metric: "auto", value: 1, at: t(20))?.opened == StateInterval(
            state: .idle, mode: .production, start: t(10)))
        // Speed stamped 15 s arrives after 20 s: first speed value, applied at 20 s.
        deriver.ingest(metric: "speed", value: 50, at: t(15))
        #expect(deriver.lateSamples == 1)
        #expect(deriver.pending == PendingCondition(condition: .init(state: .running, mode: .production), since: t(20)))
        // Ready at 5 s is older than ready's last (10 s): stale, ignored.
        deriver.ingest(metric: "ready", value: 0, at: t(5))
        #expect(deriver.staleSamples == 1)
        #expect(deriver.values["ready"] == 1)
        #expect(deriver.advance(to: t(19)) == nil)
        #expect(deriver.clock == t(20))
        #expect(
            deriver.advance(to: t(21))
                == StateChange(
                    closed: StateInterval(state: .idle, mode: .production, start: t(10), end: t(20)),
                    opened: StateInterval(state: .running, mode: .production, start: t(20)),
                    confirmedAt: t(21)))
        // Fault list stamped 18 s arrives at clock 21 s: late, applied at 21 s.
        deriver.faultsChanged(active: [activeFault("F1", .fault, .internal)], at: t(18))
        #expect(deriver.lateSamples == 2)
        // An older fault list (17 s < 18 s) is stale: the fault stays active.
        deriver.faultsChanged(active: [], at: t(17))
        #expect(deriver.staleSamples == 2)
        #expect(deriver.activeFaults.map(\.code) == ["F1"])
        #expect(deriver.advance(to: t(22))?.opened == StateInterval(state: .held, mode: .production, start: t(21)))
    }

    @Test("fromStateTag timeline: an unknown value maps to the default state")
    func stateTagTimeline() {
        let rules = StateRules.fromStateTag(
            metric: "plc", mapping: [1: .stopped, 2: .idle, 6: .running], default: .idle)
        var deriver = StateDeriver(rules: rules, start: t(0))
        var changes: [StateChange] = []
        for (value, time) in [(6.0, 10.0), (99, 30), (2, 45), (1, 50)] {
            if let change = deriver.ingest(metric: "plc", value: value, at: t(time)) { changes.append(change) }
        }
        if let change = deriver.advance(to: t(51)) { changes.append(change) }
        // 6 at 10 s -> running; 99 (unknown) at 30 s -> idle (default); 2 at 45 s is also
        // idle, so no new interval; 1 at 50 s -> stopped. Each is confirmed by the next time.
        #expect(
            changes.compactMap(\.closed) == [
                StateInterval(state: .stopped, mode: .production, start: t(0), end: t(10)),
                StateInterval(state: .running, mode: .production, start: t(10), end: t(30)),
                StateInterval(state: .idle, mode: .production, start: t(30), end: t(50)),
            ])
        #expect(deriver.current == StateInterval(state: .stopped, mode: .production, start: t(50)))
    }
}

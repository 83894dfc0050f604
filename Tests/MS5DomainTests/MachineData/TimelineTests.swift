import Foundation
import MS5Domain
import Testing

@Suite("Timeline: detector + deriver together, and contiguity property")
struct TimelineTests {
    let rules = StateRules.derived(
        DerivedStateRules(
            runningBit: "auto", speedMetric: "speed", runningSpeedThreshold: 10,
            readyBit: "ready", starvedBit: "starved",
            modeRules: ModeRules(manualBit: "manual"), minimumDuration: 5))

    @Test("fault edges drive held and suspended intervals with exact boundaries")
    func faultsDriveStates() {
        let f001 = entry(0, 0, "F001")
        let s010 = entry(0, 4, "S010", kind: .status, source: .upstream)
        var faults = FaultEdgeDetector(catalog: [f001, s010])
        var deriver = StateDeriver(rules: rules, start: t(0), initialState: .running)
        deriver.ingest(["ready": 1, "auto": 1, "speed": 50], at: t(0))
        var changes: [StateChange] = []
        var events: [FaultEvent] = []
        // (word value, time): F001 flickers 10-12 s, then is active 20-40 s; S010 40-47 s.
        for (value, time) in [(UInt32(0b1), 10.0), (0, 12), (0b1, 20), (0b1_0000, 40), (0, 47)] {
            events += faults.ingest(word: 0, value: value, at: t(time))
            if let change = deriver.faultsChanged(active: faults.active, at: t(time)) { changes.append(change) }
        }
        if let change = deriver.advance(to: t(60)) { changes.append(change) }
        // The 2 s held flicker is swallowed. held from 20 s is confirmed at 40 s (20 s >= 5 s);
        // suspended from 40 s is confirmed at 47 s (7 s >= 5 s); running from 47 s at 60 s.
        #expect(
            changes.compactMap(\.closed) == [
                StateInterval(state: .running, mode: .production, start: t(0), end: t(20)),
                StateInterval(state: .held, mode: .production, start: t(20), end: t(40)),
                StateInterval(state: .suspended, mode: .production, start: t(40), end: t(47)),
            ])
        #expect(changes.map(\.confirmedAt) == [t(40), t(47), t(60)])
        #expect(deriver.current == StateInterval(state: .running, mode: .production, start: t(47)))
        // The second F001 lasted 40 - 20 = 20 s, the same as the held interval.
        #expect(events.filter { $0.code == "F001" && $0.edge == .cleared }.map(\.duration) == [2, 20])
    }

    /// A copy of the inputs given to the deriver, to compute the raw (undebounced) target.
    struct Mirror {
        var values: [String: Double] = [:]
        var faults: [ActiveFault] = []
    }

    @Test("intervals are contiguous, debounced and sum to the span over a long seeded sequence")
    func contiguityProperty() throws {
        var rng = SplitMix64(seed: 0x5EED_2024)
        let start = t(0)
        var deriver = StateDeriver(rules: rules, start: start)
        var mirror = Mirror()
        let faultPool = [
            activeFault("F1", .fault, .internal, bit: 0),
            activeFault("S2", .status, .upstream, bit: 1),
            activeFault("W3", .warning, .internal, bit: 2),
        ]
        var changes: [StateChange] = []
        /// Raw (undebounced) target after the last input at each time, in time order.
        var raw: [(time: Date, condition: MachineCondition)] = []
        var now = 0.0
        for _ in 0..<5_000 {
            now += Double(rng.next() % 41) * 0.5  // 0...20 s in 0.5 s steps: exact sums
            let time = t(now)
            let bit = Double(rng.next() % 2)
            var change: StateChange?
            switch rng.next() % 7 {
            case 0: change = deriver.ingest(metric: "auto", value: bit, at: time); mirror.values["auto"] = bit
            case 1:
                let speed = Double(rng.next() % 30)
                change = deriver.ingest(metric: "speed", value: speed, at: time); mirror.values["speed"] = speed
            case 2:
                let ready = rng.next() % 4 == 0 ? 0.0 : 1.0
                change = deriver.ingest(metric: "ready", value: ready, at: time); mirror.values["ready"] = ready
            case 3: change = deriver.ingest(metric: "starved", value: bit, at: time); mirror.values["starved"] = bit
            case 4: change = deriver.ingest(metric: "manual", value: bit, at: time); mirror.values["manual"] = bit
            case 5:
                let mask = rng.next() % 8
                mirror.faults = faultPool.enumerated().filter { mask & (1 << UInt64($0.offset)) != 0 }.map(\.element)
                change = deriver.faultsChanged(active: mirror.faults, at: time)
            default: change = deriver.advance(to: time)
            }
            if let change { changes.append(change) }
            let condition = rules.evaluate(values: mirror.values, activeFaults: mirror.faults)
            if let last = raw.last, last.time == time { raw.removeLast() }
            if raw.last?.condition != condition { raw.append((time, condition)) }
        }
        let end = t(now + 100)
        if let change = deriver.advance(to: end) { changes.append(change) }
        #expect(deriver.staleSamples == 0 && deriver.lateSamples == 0)

        // Rebuild the timeline: a relabel (closed == nil) may only replace the initial interval.
        var timeline = [StateInterval(state: .stopped, mode: .production, start: start)]
        for change in changes {
            if let closed = change.closed {
                timeline[timeline.count - 1] = closed
            } else {
                #expect(timeline.count == 1 && change.opened.start == start)
                timeline.removeLast()
            }
            timeline.append(change.opened)
        }
        timeline[timeline.count - 1].end = end
        try #require(timeline.count > 20, "the sequence should produce many intervals")
        #expect(timeline.first?.start == start)
        #expect(timeline.last?.start == deriver.current.start)
        for (a, b) in zip(timeline, timeline.dropFirst()) {
            #expect(a.end == b.start)
            #expect(a.condition != b.condition)
        }
        // Every interval but the first lasts at least the 5 s debounce.
        #expect(timeline.dropFirst().allSatisfy { ($0.duration ?? 0) >= 5 })
        // Durations add up exactly to the span: all times are multiples of 0.5 s.
        let total = timeline.reduce(0.0) { $0 + ($1.duration ?? .nan) }
        #expect(total == end.timeIntervalSince(start))

        // Against the raw target: each raw stretch that starts inside an interval either
        // starts it (and has its condition), matches it, or is shorter than 5 s.
        for (index, stretch) in raw.enumerated() {
            let stretchEnd = index + 1 < raw.count ? raw[index + 1].time : end
            let interval = try #require(
                timeline.first { $0.start <= stretch.time && stretch.time < ($0.end ?? end) })
            if stretch.time == interval.start {
                #expect(stretch.condition == interval.condition)
            } else if stretch.condition != interval.condition {
                #expect(stretchEnd.timeIntervalSince(stretch.time) < 5)
            }
        }
        #expect(deriver.current.condition == raw.last?.condition)
    }
}

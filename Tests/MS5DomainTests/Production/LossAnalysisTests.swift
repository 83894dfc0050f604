import Foundation
import MS5Domain
import Testing

@Suite("Loss analysis")
struct LossAnalysisTests {
    let window = Fixtures.span("2026-03-02T06:00:00Z", "2026-03-02T14:00:00Z")

    /// Jams 600 + 500 + 400 = 1500 s (3 stops), shortage 2000 s (1), uncoded 500 s (1),
    /// changeover 1000 s (planned: left out), a jam on EQ2 of 300 s.
    let stops = [
        Fixtures.stop("2026-03-02T06:10:00Z", "2026-03-02T06:20:00Z", reason: "MECH-JAM"),
        Fixtures.stop("2026-03-02T07:00:00Z", "2026-03-02T07:08:20Z", reason: "MECH-JAM"),
        Fixtures.stop("2026-03-02T08:00:00Z", "2026-03-02T08:06:40Z", reason: "MECH-JAM"),
        Fixtures.stop("2026-03-02T09:00:00Z", "2026-03-02T09:33:20Z", reason: "MAT-SHORT"),
        Fixtures.stop("2026-03-02T10:00:00Z", "2026-03-02T10:08:20Z"),
        Fixtures.stop("2026-03-02T11:00:00Z", "2026-03-02T11:16:40Z", reason: "SETUP-CHANGE"),
    ]

    @Test("Pareto by reason: sorted by duration with shares and cumulative share")
    func pareto() {
        let entries = LossAnalysis.pareto(stops: stops, tree: Fixtures.tree, window: window, plannedBusyTime: 27_000)
        // Unplanned total = 2000 + 1500 + 500 = 4000 s.
        #expect(entries.map(\.reasonCode) == ["MAT-SHORT", "MECH-JAM", nil])
        #expect(entries.map(\.reasonName) == ["Material shortage", "Jam", "Uncoded"])
        #expect(entries.map(\.count) == [1, 3, 1])
        #expect(entries.map(\.duration) == [2000, 1500, 500])
        // Shares 2000/4000 = 0.5, 1500/4000 = 0.375, 500/4000 = 0.125; cumulative 0.5, 0.875, 1.
        #expect(entries.map(\.shareOfStopTime) == [0.5, 0.375, 0.125])
        #expect(entries.map(\.cumulativeShareOfStopTime) == [0.5, 0.875, 1])
        // Of PBT 27000 s: 2000 / 27000 = 0.074074…
        #expect(approx(entries[0].shareOfPlannedBusyTime, 0.074_074_074_074_074))
        #expect(entries[0].categoryCode == "MAT")
    }

    @Test("ties are broken by count, then by reason code")
    func ties() {
        let tied = [
            Fixtures.stop("2026-03-02T06:00:00Z", "2026-03-02T06:10:00Z", reason: "MECH-MOTOR"),
            Fixtures.stop("2026-03-02T07:00:00Z", "2026-03-02T07:05:00Z", reason: "MECH-JAM"),
            Fixtures.stop("2026-03-02T07:10:00Z", "2026-03-02T07:15:00Z", reason: "MECH-JAM"),
            Fixtures.stop("2026-03-02T08:00:00Z", "2026-03-02T08:10:00Z", reason: "MAT-SHORT"),
        ]
        // All 600 s; MECH-JAM has 2 stops; MAT-SHORT < MECH-MOTOR by code.
        let entries = LossAnalysis.pareto(stops: tied, tree: Fixtures.tree, window: window, plannedBusyTime: 0)
        #expect(entries.map(\.reasonCode) == ["MECH-JAM", "MAT-SHORT", "MECH-MOTOR"])
        #expect(entries[0].shareOfPlannedBusyTime == nil)
    }

    @Test("a stop reaching out of the window counts with its part inside")
    func clipping() {
        let entries = LossAnalysis.pareto(
            stops: [Fixtures.stop("2026-03-02T13:50:00Z", "2026-03-02T14:20:00Z", reason: "MECH-JAM")],
            tree: Fixtures.tree, window: window, plannedBusyTime: 27_000)
        // 13:50–14:00 = 600 s inside.
        #expect(entries.map(\.duration) == [600])
    }

    @Test("top N of the last 24 h")
    func topLosses() {
        let top = LossAnalysis.topLosses(
            stops: stops, tree: Fixtures.tree, now: Fixtures.at("2026-03-03T08:00:00Z"), plannedBusyTime: 81_000, limit: 2)
        // Window 2026-03-02 08:00 – 03-03 08:00: jams at 06:10 and 07:00 fall out; 08:00 jam (400 s) stays.
        #expect(top.map(\.reasonCode) == ["MAT-SHORT", nil])
        #expect(top.map(\.duration) == [2000, 500])
    }

    @Test("by equipment")
    func byEquipment() {
        let all = stops + [Fixtures.stop("2026-03-02T12:00:00Z", "2026-03-02T12:05:00Z", reason: "MECH-JAM", equipmentId: "EQ2")]
        let entries = LossAnalysis.byEquipment(stops: all, tree: Fixtures.tree, window: window)
        // EQ1 4000 s (5 stops), EQ2 300 s (1); total 4300: 4000/4300 = 0.930232…
        #expect(entries.map(\.equipmentId) == ["EQ1", "EQ2"])
        #expect(entries.map(\.count) == [5, 1])
        #expect(entries.map(\.duration) == [4000, 300])
        #expect(approx(entries[0].shareOfStopTime, 0.930_232_558_139_535))
    }
}

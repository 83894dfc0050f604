import Foundation
import MS5Domain
import Testing

/// The night shift of ``StopAcrossBoundariesTests/springForward()`` (Europe/Berlin, Sat
/// 2026-03-28 22:00 CET → Sun 06:00 CEST, 7 h) cut at local midnight into two day segments:
/// 22:00–24:00 CET (7200 s) and 00:00 CET – 06:00 CEST (18000 s). One order, cycle 1 s. The stop
/// 23:30 CET → 03:30 CEST (10800 s) is coded as a jam (a breakdown). Counts: 5400 at 23:30 CET,
/// 2 rejects at 00:05 CET, 600 with 10 rejects at 03:40 CEST.
@Suite("Scenario: KPI parts of local days add up to the window")
struct DayPartsTests {
    @Test("the days' parts add up to the night's KPIs; a stop across midnight is split by time and counted once")
    func acrossMidnight() throws {
        let (night, order, timeline) = try Fixtures.springForwardNight()
        let derived = Fixtures.stops(window: night.span, shifts: [night], orders: [order], timeline: timeline)
        let stops = try derived.map { try $0.confirmed(reasonCode: "MECH-JAM", at: Fixtures.at("2026-03-29T04:00:00+02:00"), tree: Fixtures.tree) }
        let counts = [
            CounterIncrement(at: Fixtures.at("2026-03-28T23:30:00+01:00"), total: 5400, reject: 0),
            CounterIncrement(at: Fixtures.at("2026-03-29T00:05:00+01:00"), total: 2, reject: 2),
            CounterIncrement(at: Fixtures.at("2026-03-29T03:40:00+02:00"), total: 600, reject: 10),
        ]
        let input = OEEInput(window: night.span, shifts: [night], orders: [order], timeline: timeline, stops: stops, counts: counts, reasonTree: Fixtures.tree)
        let days = PlantCalendar(timeZone: Fixtures.berlin).days(overlapping: night.span).compactMap { $0.intersection(night.span) }
        try #require(days.map(\.duration) == [7200, 18_000])
        let parts = days.map { OEECalculator.parts(input.restricted(to: $0)) }

        // Saturday: APT 22:00–23:30 = 5400 s, breakdown 23:30–24:00 = 1800 s; the failure starts
        // here, so it is counted here with its whole 10800 s.
        #expect(parts[0].time.actualProductionTime == 5400 && parts[0].time.breakdownTime == 1800)
        #expect(parts[0].failureCount == 1 && parts[0].failureDowntime == 10_800)
        // Sunday: breakdown 00:00 CET – 03:30 CEST = 9000 s, APT 18000 − 9000 = 9000 s, no failure.
        #expect(parts[1].time.actualProductionTime == 9000 && parts[1].time.breakdownTime == 9000 && parts[1].failureCount == 0)
        // Midnight is no restart: the 2 rejects at 00:05 are production rejects (the last restart is
        // the shift's start at 22:00); the 10 at 03:40 are 10 min after the stop's end, start-up rejects.
        #expect(parts[1].quantities.productionRejects == 2 && parts[1].quantities.startupRejects == 10)

        let combined = OEECalculator.result(OEEParts.combined(parts, window: night.span), window: night.span, target: nil)
        #expect(combined == OEECalculator.calculate(input))
        // PBT 25200 s, APT 14400 s, breakdown 10800 s; one failure: MTTR 10800 s, MTBF 14400 s.
        #expect(combined.time.planned.plannedBusyTime == 25_200 && combined.time.actualProductionTime == 14_400)
        #expect(combined.time.breakdownTime == 10_800 && combined.failureCount == 1)
        #expect(combined.meanTimeToRepair == 10_800 && combined.meanTimeBetweenFailures == 14_400)
        // Produced 6002, rejects 12, good 5990: quality 5990 / 6002, OEE = 5990 × 1 / 25200.
        #expect(combined.quantities.produced == 6002 && combined.quantities.good == 5990)
        #expect(approx(combined.oee, 5990.0 / 25_200))

        // The Pareto: the jam once, with 1800 + 9000 s, as over the whole night.
        let groups = days.flatMap { LossAnalysis.groups(stops: stops, tree: Fixtures.tree, window: $0) }
        let pareto = LossAnalysis.pareto(groups: groups, tree: Fixtures.tree, plannedBusyTime: 25_200)
        #expect(pareto == LossAnalysis.pareto(stops: stops, tree: Fixtures.tree, window: night.span, plannedBusyTime: 25_200))
        #expect(pareto.map(\.count) == [1] && pareto.map(\.duration) == [10_800])
    }
}

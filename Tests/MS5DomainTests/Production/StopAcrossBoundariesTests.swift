import Foundation
import MS5Domain
import Testing

@Suite("Scenario: stops across a shift boundary, midnight and clock changes")
struct StopAcrossBoundariesTests {
    /// Early 06:00–14:00 and Late 14:00–22:00 (UTC), one order all day, cycle 1 s.
    /// Running except a motor failure 13:30–14:45.
    @Test("a stop across the shift change is one stop, clipped per shift")
    func shiftBoundary() throws {
        let early = ShiftInstance(name: "Early", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T14:00:00Z"))
        let late = ShiftInstance(name: "Late", start: Fixtures.at("2026-03-02T14:00:00Z"), end: Fixtures.at("2026-03-02T22:00:00Z"))
        let order = ProductionOrderRun(
            orderId: "B-7", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T22:00:00Z"), idealCycleTime: 1)
        let timeline = StateTimeline(
            [
                Fixtures.interval(.running, "2026-03-02T06:00:00Z", "2026-03-02T13:30:00Z"),
                Fixtures.interval(.held, "2026-03-02T13:30:00Z", "2026-03-02T14:45:00Z"),
                Fixtures.interval(.running, "2026-03-02T14:45:00Z", "2026-03-02T22:00:00Z"),
            ], asOf: Fixtures.at("2026-03-02T22:00:00Z"))
        let day = Fixtures.span("2026-03-02T06:00:00Z", "2026-03-02T22:00:00Z")
        let derived = Fixtures.stops(window: day, shifts: [early, late], orders: [order], timeline: timeline)
        // One stop 13:30–14:45 = 75 min = 4500 s.
        try #require(derived.count == 1)
        #expect(derived[0].duration == 4500)
        let stop = try derived[0].confirmed(reasonCode: "MECH-MOTOR", at: Fixtures.at("2026-03-02T15:00:00Z"), tree: Fixtures.tree)
        let input = OEEInput(
            window: early.span, shifts: [early, late], orders: [order], timeline: timeline, stops: [stop], counts: [],
            reasonTree: Fixtures.tree)

        let first = OEECalculator.calculate(input)
        // Early: PBT 28800; breakdown 13:30–14:00 = 1800; APT = 28800 − 1800 = 27000.
        #expect(first.time.breakdownTime == 1800)
        #expect(first.time.actualProductionTime == 27_000)
        // The failure starts in Early: counted there with its whole 4500 s; MTBF = 27000 / 1, MTTR = 4500.
        #expect(first.failureCount == 1)
        #expect(first.meanTimeBetweenFailures == 27_000)
        #expect(first.meanTimeToRepair == 4500)

        let second = OEECalculator.calculate(input.restricted(to: late.span))
        // Late: breakdown 14:00–14:45 = 2700; APT = 28800 − 2700 = 26100; no failure starts here.
        #expect(second.time.breakdownTime == 2700)
        #expect(second.time.actualProductionTime == 26_100)
        #expect(second.failureCount == 0)
        #expect(second.meanTimeBetweenFailures == nil)
        // A = 26100 / 28800 = 0.90625.
        #expect(second.availability == 0.906_25)

        let whole = OEECalculator.calculate(input.restricted(to: day))
        // Day: 1800 + 2700 = 4500 s of breakdown, one failure.
        #expect(whole.time.breakdownTime == 4500)
        #expect(whole.failureCount == 1)
    }

    /// Europe/Berlin, night shift Sat 2026-03-28 22:00 CET → Sun 06:00 CEST (7 h).
    /// Stop 23:30 CET → 03:30 CEST: across midnight and the spring-forward change.
    @Test("a stop across midnight and spring-forward lasts 3 h")
    func springForward() throws {
        let (night, order, timeline) = try Fixtures.springForwardNight()
        let stops = Fixtures.stops(window: night.span, shifts: [night], orders: [order], timeline: timeline)
        // 23:30 CET = 22:30Z; 03:30 CEST = 01:30Z; 3 h = 10800 s (the wall clock shows 4 h).
        try #require(stops.count == 1)
        #expect(stops[0].duration == 10_800)
        let result = OEECalculator.calculate(
            OEEInput(window: night.span, shifts: [night], orders: [order], timeline: timeline, stops: stops, counts: [], reasonTree: Fixtures.tree))
        // PBT = 7 h = 25200 s; APT = 25200 − 10800 = 14400 s; uncoded (no reason) = 10800 s.
        #expect(result.time.planned.plannedBusyTime == 25_200)
        #expect(result.time.actualProductionTime == 14_400)
        #expect(result.time.uncodedStopTime == 10_800)
        // A = 14400 / 25200 = 0.571428…
        #expect(approx(result.availability, 0.571_428_571_428_571))

        // Daily trend: 28 March gets 22:30Z–23:00Z = 1800 s; 29 March (a 23 h day) 23:00Z–01:30Z = 9000 s.
        let days = PlantCalendar(timeZone: Fixtures.berlin).days(overlapping: night.span)
        let trend = LossAnalysis.dailyTrend(stops: stops, tree: Fixtures.tree, days: days)
        #expect(trend.map(\.duration) == [1800, 9000])
        #expect(trend.map(\.count) == [1, 1])
        #expect(trend.map(\.day.duration) == [86_400, 82_800])
    }

    /// Europe/Berlin, night shift Sat 2026-10-24 22:00 CEST → Sun 06:00 CET (9 h).
    /// Stop 01:00 CEST → 02:30 CET: across the repeated hour.
    @Test("a stop across fall-back lasts 2.5 h")
    func fallBack() throws {
        let pattern = ShiftPattern.threeShifts(days: Weekday.everyDay)
        let night = try #require(
            pattern.instances(overlapping: Fixtures.span("2026-10-24T23:00:00+02:00", "2026-10-24T23:30:00+02:00"), in: Fixtures.berlin).first)
        let order = ProductionOrderRun(
            orderId: "N-2", start: Fixtures.at("2026-10-24T18:00:00Z"), end: Fixtures.at("2026-10-25T12:00:00Z"), idealCycleTime: 1)
        let timeline = StateTimeline(
            [
                Fixtures.interval(.running, "2026-10-24T22:00:00+02:00", "2026-10-25T01:00:00+02:00"),
                Fixtures.interval(.held, "2026-10-25T01:00:00+02:00", "2026-10-25T02:30:00+01:00"),
                Fixtures.interval(.running, "2026-10-25T02:30:00+01:00", "2026-10-25T06:00:00+01:00"),
            ], asOf: Fixtures.at("2026-10-25T06:00:00+01:00"))
        let derived = Fixtures.stops(window: night.span, shifts: [night], orders: [order], timeline: timeline)
        // 01:00 CEST = 23:00Z; 02:30 CET = 01:30Z; 2.5 h = 9000 s.
        try #require(derived.count == 1)
        let stop = try derived[0].confirmed(reasonCode: "MECH-JAM", at: Fixtures.at("2026-10-25T03:00:00Z"), tree: Fixtures.tree)
        #expect(stop.duration == 9000)
        let result = OEECalculator.calculate(
            OEEInput(window: night.span, shifts: [night], orders: [order], timeline: timeline, stops: [stop], counts: [], reasonTree: Fixtures.tree))
        // PBT = 9 h = 32400 s; APT = 32400 − 9000 = 23400 s; A = 23400 / 32400 = 0.7222…
        #expect(result.time.planned.plannedBusyTime == 32_400)
        #expect(result.time.actualProductionTime == 23_400)
        #expect(result.time.breakdownTime == 9000)
        #expect(approx(result.availability, 0.722_222_222_222_222))
    }
}

import Foundation
import MS5Domain
import Testing

@Suite("Shift patterns")
struct ShiftPatternTests {
    let threeShiftsEveryDay = ShiftPattern.threeShifts(days: Weekday.everyDay)

    @Test("night shift across spring-forward lasts 7 h and the next day still starts at 06:00")
    func springForward() throws {
        // Europe/Berlin, 2026-03-29 02:00 CET → 03:00 CEST.
        let shifts = threeShiftsEveryDay.instances(
            overlapping: Fixtures.span("2026-03-28T12:00:00+01:00", "2026-03-29T12:00:00+02:00"), in: Fixtures.berlin)
        let night = try #require(shifts.first { $0.name == "Night" })
        // 22:00 CET = 21:00Z; 06:00 CEST = 04:00Z; 04:00Z − 21:00Z = 7 h = 25200 s.
        #expect(night.start == Fixtures.at("2026-03-28T22:00:00+01:00"))
        #expect(night.end == Fixtures.at("2026-03-29T06:00:00+02:00"))
        #expect(night.duration == 25_200)
        let early = try #require(shifts.first { $0.name == "Early" && $0.start > night.start })
        // Early starts at 06:00 local = 04:00Z and lasts 8 h = 28800 s.
        #expect(early.start == Fixtures.at("2026-03-29T04:00:00Z"))
        #expect(early.duration == 28_800)
    }

    @Test("night shift across fall-back lasts 9 h")
    func fallBack() throws {
        // Europe/Berlin, 2026-10-25 03:00 CEST → 02:00 CET.
        let shifts = threeShiftsEveryDay.instances(
            overlapping: Fixtures.span("2026-10-24T23:00:00+02:00", "2026-10-25T01:00:00+01:00"), in: Fixtures.berlin)
        #expect(shifts.count == 1)
        let night = try #require(shifts.first)
        // 22:00 CEST = 20:00Z; 06:00 CET = 05:00Z; 9 h = 32400 s.
        #expect(night.start == Fixtures.at("2026-10-24T20:00:00Z"))
        #expect(night.end == Fixtures.at("2026-10-25T05:00:00Z"))
        #expect(night.duration == 32_400)
    }

    @Test("weekends off: Monday to Friday gives 15 shifts, the last being Friday night")
    func weekendsOff() throws {
        let week = PlantCalendar(timeZone: Fixtures.berlin).week(containing: Fixtures.at("2026-03-04T12:00:00+01:00"))
        // ISO week: Monday 2026-03-02 00:00 to Monday 2026-03-09 00:00 (CET).
        #expect(week == Fixtures.span("2026-03-02T00:00:00+01:00", "2026-03-09T00:00:00+01:00"))
        let shifts = ShiftPattern.threeShifts().instances(overlapping: week, in: Fixtures.berlin)
        // 5 days × 3 shifts = 15.
        #expect(shifts.count == 15)
        #expect(shifts.first?.start == Fixtures.at("2026-03-02T06:00:00+01:00"))
        #expect(shifts.last?.name == "Night")
        #expect(shifts.last?.start == Fixtures.at("2026-03-06T22:00:00+01:00"))
    }

    @Test("2×12 with a break six hours in")
    func twoShiftsWithBreak() throws {
        let pattern = ShiftPattern.twoShifts(breaks: [ShiftBreak(offset: 6 * 3600, duration: 1800)])
        let shifts = pattern.instances(
            overlapping: Fixtures.span("2026-03-02T06:00:00+01:00", "2026-03-02T18:00:00+01:00"), in: Fixtures.berlin)
        let day = try #require(shifts.first { $0.name == "Day" })
        // 06:00 + 6 h = 12:00, break 12:00–12:30; day shift 06:00–18:00.
        #expect(day.breaks == [Fixtures.span("2026-03-02T12:00:00+01:00", "2026-03-02T12:30:00+01:00")])
        #expect(day.end == Fixtures.at("2026-03-02T18:00:00+01:00"))
    }

    @Test("a break is placed by elapsed time, also across a clock change")
    func breakAcrossSpringForward() throws {
        let pattern = ShiftPattern.threeShifts(days: Weekday.everyDay, breaks: [ShiftBreak(offset: 4 * 3600, duration: 1800)])
        let night = try #require(
            pattern.instances(
                overlapping: Fixtures.span("2026-03-28T23:00:00+01:00", "2026-03-29T01:00:00+01:00"), in: Fixtures.berlin
            ).first)
        // 22:00 CET (21:00Z) + 4 h elapsed = 01:00Z = 03:00 CEST.
        #expect(night.breaks == [Fixtures.span("2026-03-29T03:00:00+02:00", "2026-03-29T03:30:00+02:00")])
    }

    @Test("an arbitrary named shift on chosen days")
    func namedShift() {
        let pattern = ShiftPattern(
            name: "Weekend", shifts: [ShiftDefinition(name: "Saturday", start: TimeOfDay(hour: 8), length: 10 * 3600, days: [.saturday], targetQuantity: 5000)])
        let shifts = pattern.instances(
            overlapping: Fixtures.span("2026-03-02T00:00:00+01:00", "2026-03-16T00:00:00+01:00"), in: Fixtures.berlin)
        // Saturdays 7 and 14 March, 08:00–18:00.
        #expect(shifts.map(\.start) == [Fixtures.at("2026-03-07T08:00:00+01:00"), Fixtures.at("2026-03-14T08:00:00+01:00")])
        #expect(shifts.map(\.duration) == [36_000, 36_000])
        #expect(shifts.map(\.targetQuantity) == [5000, 5000])
    }

    @Test("validation names every invalid field")
    func validation() {
        let pattern = ShiftPattern(
            name: " ",
            shifts: [
                ShiftDefinition(
                    name: "Bad", start: TimeOfDay(hour: 24), length: 0, days: [],
                    breaks: [ShiftBreak(offset: 100, duration: 10)])
            ])
        #expect {
            try pattern.validated()
        } throws: { error in
            let fields = (error as? DomainError)?.violations.map(\.field)
            return fields == ["/name", "/shifts/0/start", "/shifts/0/length", "/shifts/0/days", "/shifts/0/breaks/0"]
        }
        #expect(throws: Never.self) { try ShiftPattern.threeShifts().validated() }
    }

    @Test("days across a clock change last 23 h and 25 h")
    func plantDays() {
        let calendar = PlantCalendar(timeZone: Fixtures.berlin)
        // 2026-03-29: 00:00 CET (23:00Z on 28th) to 00:00 CEST (22:00Z on 29th) = 23 h.
        #expect(calendar.day(containing: Fixtures.at("2026-03-29T12:00:00+02:00")).duration == 82_800)
        // 2026-10-25: 00:00 CEST (22:00Z on 24th) to 00:00 CET (23:00Z on 25th) = 25 h.
        #expect(calendar.day(containing: Fixtures.at("2026-10-25T12:00:00+01:00")).duration == 90_000)
    }
}

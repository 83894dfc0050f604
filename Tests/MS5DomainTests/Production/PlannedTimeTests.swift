import Foundation
import MS5Domain
import Testing

@Suite("Planned time and calendar entries")
struct PlannedTimeTests {
    @Test("overlapping downtime is counted once, by precedence, and the buckets add up")
    func precedence() {
        let shift = ShiftInstance(
            name: "Early", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T14:00:00Z"),
            breaks: [Fixtures.span("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z")])
        let downtimes = [
            PlannedDowntime(kind: .meeting, start: Fixtures.at("2026-03-02T10:15:00Z"), end: Fixtures.at("2026-03-02T10:45:00Z")),
            PlannedDowntime(kind: .plannedMaintenance, start: Fixtures.at("2026-03-02T12:00:00Z"), end: Fixtures.at("2026-03-02T13:00:00Z")),
            PlannedDowntime(kind: .noOrder, start: Fixtures.at("2026-03-02T13:30:00Z"), end: Fixtures.at("2026-03-02T14:00:00Z")),
        ]
        let order = ProductionOrderRun(
            orderId: "O-1", start: Fixtures.at("2026-03-02T06:00:00Z"), end: Fixtures.at("2026-03-02T13:45:00Z"), idealCycleTime: 1)
        let planned = PlannedTime(
            window: shift.span, shifts: [shift], plannedDowntimes: downtimes, orders: [order],
            timeline: StateTimeline([], asOf: Fixtures.at("2026-03-02T14:00:00Z")))
        // Break 10:00–10:30 = 1800 s; the meeting only adds 10:30–10:45 = 900 s.
        #expect(planned.breakTime == 1800)
        #expect(planned.meetingTime == 900)
        // Planned maintenance 12:00–13:00 = 3600 s.
        #expect(planned.plannedMaintenanceTime == 3600)
        // No order: calendar 13:30–14:00 ∪ after the order 13:45–14:00 = 13:30–14:00 = 1800 s.
        #expect(planned.noOrderTime == 1800)
        // PBT = 28800 − 1800 − 900 − 3600 − 1800 = 20700 s.
        #expect(planned.plannedBusyTime == 20_700)
    }

    @Test("closed sets decode their words and name the allowed ones otherwise")
    func closedSetJSON() throws {
        let json = Data(#"{"kind": "break", "start": 0, "end": 1800}"#.utf8)
        let entry = try JSONDecoder().decode(PlannedDowntime.self, from: json)
        #expect(entry.kind == .break)
        let bad = Data(#"{"kind": "lunch", "start": 0, "end": 1800}"#.utf8)
        #expect {
            try JSONDecoder().decode(PlannedDowntime.self, from: bad)
        } throws: { error in
            "\(error)".contains("must be one of break, meeting, plannedMaintenance, noOrder")
        }
    }

    @Test("a shift pattern survives a JSON round trip")
    func patternJSON() throws {
        let pattern = ShiftPattern.threeShifts(breaks: [ShiftBreak(offset: 14_400, duration: 1800)])
        let decoded = try JSONDecoder().decode(ShiftPattern.self, from: JSONEncoder().encode(pattern))
        #expect(decoded == pattern)
    }
}

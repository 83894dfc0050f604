import Foundation
import MS5Domain
import Testing

/// Due dates by priority in Europe/Berlin (CET = UTC+1 in winter, CEST = UTC+2 in summer; the
/// clocks change on Sunday 2026-03-29 02:00 CET → 03:00 CEST and Sunday 2026-10-25 03:00 CEST →
/// 02:00 CET).
@Suite("Workflow task due dates by priority")
struct WorkflowDueDateTests {
    /// 3×8 Mon–Fri from 06:00: Early 06–14, Late 14–22, Night 22–06 (a night belongs to the day it starts).
    let workingDays = WorkflowFixtures.dueDates
    /// 3×8 every day from 06:00.
    let everyDay = DueDateRule(shiftPattern: .threeShifts(days: Weekday.everyDay), timeZone: Fixtures.berlin)
    /// 2×8 Mon–Fri: Early 06–14, Late 14–22, nobody 22–06.
    let twoShifts = DueDateRule(
        shiftPattern: ShiftPattern(
            name: "2×8",
            shifts: [
                ShiftDefinition(name: "Early", start: TimeOfDay(hour: 6), length: 8 * 3600, days: Weekday.workingDays),
                ShiftDefinition(name: "Late", start: TimeOfDay(hour: 14), length: 8 * 3600, days: Weekday.workingDays),
            ]),
        timeZone: Fixtures.berlin)
    /// A line without shifts.
    let noPattern = DueDateRule(shiftPattern: nil, timeZone: Fixtures.berlin)

    @Test("priority 1 is one hour later; priority 6 has no due date")
    func directAndNone() {
        let now = Fixtures.at("2026-03-02T10:15:00+01:00")
        // 10:15 + 1 h = 11:15.
        #expect(workingDays.dueDate(for: .direct, raisedAt: now) == Fixtures.at("2026-03-02T11:15:00+01:00"))
        #expect(workingDays.dueDate(for: .noDueDate, raisedAt: now) == nil)
    }

    @Test("priority 2 raised 30 min before the shift ends is due at its end; at the boundary the next shift is in progress")
    func endOfShiftNearBoundary() {
        // Monday 13:30 is in Early (06:00–14:00): due 14:00, 30 min = 1800 s later.
        let now = Fixtures.at("2026-03-02T13:30:00+01:00")
        let due = workingDays.dueDate(for: .endOfShift, raisedAt: now)
        #expect(due == Fixtures.at("2026-03-02T14:00:00+01:00"))
        #expect(due?.timeIntervalSince(now) == 1800)
        // At 14:00 itself Early is over ([06:00, 14:00)) and Late (14:00–22:00) is in progress.
        #expect(
            workingDays.dueDate(for: .endOfShift, raisedAt: Fixtures.at("2026-03-02T14:00:00+01:00"))
                == Fixtures.at("2026-03-02T22:00:00+01:00"))
    }

    @Test("priority 2 in a night shift crossing midnight is due at 06:00 the next morning, before or after midnight")
    func endOfNightShift() {
        // Tuesday's Night runs Tue 22:00 → Wed 06:00 CET.
        let expected = Fixtures.at("2026-03-04T06:00:00+01:00")
        #expect(workingDays.dueDate(for: .endOfShift, raisedAt: Fixtures.at("2026-03-03T23:30:00+01:00")) == expected)
        #expect(workingDays.dueDate(for: .endOfShift, raisedAt: Fixtures.at("2026-03-04T02:00:00+01:00")) == expected)
    }

    @Test("priority 2 between shifts is due at the end of the next shift to start")
    func endOfShiftBetweenShifts() {
        // 2×8: nobody works Tue 22:00 → Wed 06:00; the next shift is Wednesday's Early, 06:00–14:00.
        #expect(
            twoShifts.dueDate(for: .endOfShift, raisedAt: Fixtures.at("2026-03-03T23:00:00+01:00"))
                == Fixtures.at("2026-03-04T14:00:00+01:00"))
        // 3×8 Mon–Fri: Friday's Night ends Sat 06:00; on Saturday 10:00 the next shift is Monday
        // 2026-03-09 Early, 06:00–14:00.
        #expect(
            workingDays.dueDate(for: .endOfShift, raisedAt: Fixtures.at("2026-03-07T10:00:00+01:00"))
                == Fixtures.at("2026-03-09T14:00:00+01:00"))
    }

    @Test("without a shift pattern, priorities 2 and 3 are due at the next local midnight")
    func withoutPattern() {
        let now = Fixtures.at("2026-03-02T10:00:00+01:00")
        // Monday 10:00 → Tuesday 00:00 CET.
        let midnight = Fixtures.at("2026-03-03T00:00:00+01:00")
        #expect(noPattern.dueDate(for: .endOfShift, raisedAt: now) == midnight)
        #expect(noPattern.dueDate(for: .endOfDay, raisedAt: now) == midnight)
    }

    @Test("priority 3 is the end of the local day, never before the end of the shift")
    func endOfDay() {
        // Monday 10:00 in Early (ends 14:00): the day ends later, Tuesday 00:00.
        #expect(
            workingDays.dueDate(for: .endOfDay, raisedAt: Fixtures.at("2026-03-02T10:00:00+01:00"))
                == Fixtures.at("2026-03-03T00:00:00+01:00"))
        // Tuesday 23:30 in the Night (ends Wed 06:00): midnight comes first, so 06:00.
        #expect(
            workingDays.dueDate(for: .endOfDay, raisedAt: Fixtures.at("2026-03-03T23:30:00+01:00"))
                == Fixtures.at("2026-03-04T06:00:00+01:00"))
        // Wednesday 02:00 in that Night: the day Wednesday ends at Thursday 00:00, after 06:00.
        #expect(
            workingDays.dueDate(for: .endOfDay, raisedAt: Fixtures.at("2026-03-04T02:00:00+01:00"))
                == Fixtures.at("2026-03-05T00:00:00+01:00"))
        // 2×8, Tuesday 23:00 between shifts: the next shift ends Wednesday 14:00, after midnight.
        #expect(
            twoShifts.dueDate(for: .endOfDay, raisedAt: Fixtures.at("2026-03-03T23:00:00+01:00"))
                == Fixtures.at("2026-03-04T14:00:00+01:00"))
    }

    @Test("priorities 4 and 5 are calendar days at the same wall-clock time, fractions of a second kept")
    func calendarDays() {
        let now = Fixtures.at("2026-03-02T09:00:00+01:00").addingTimeInterval(0.5)
        // Mon 02 March + 7 days = Mon 09 March, 09:00:00.5 CET (no clock change: 168 h).
        #expect(workingDays.dueDate(for: .withinWeek, raisedAt: now) == Fixtures.at("2026-03-09T09:00:00+01:00").addingTimeInterval(0.5))
        // 2 March + 30 days = 1 April (March has 31 days), 09:00:00.5 CEST: 30 × 24 − 1 = 719 h = 2588400 s.
        let month = workingDays.dueDate(for: .withinMonth, raisedAt: now)
        #expect(month == Fixtures.at("2026-04-01T09:00:00+02:00").addingTimeInterval(0.5))
        #expect(month?.timeIntervalSince(now) == 2_588_400)
    }

    @Test("spring-forward (29 March 2026): the night is 1 h shorter, the day 23 h, a week 167 h")
    func springForward() {
        // Night Sat 22:00 CET → Sun 06:00 CEST; raised 23:00 CET = 22:00Z, due 06:00 CEST = 04:00Z: 6 h = 21600 s.
        let night = Fixtures.at("2026-03-28T23:00:00+01:00")
        let endOfShift = everyDay.dueDate(for: .endOfShift, raisedAt: night)
        #expect(endOfShift == Fixtures.at("2026-03-29T04:00:00Z"))
        #expect(endOfShift?.timeIntervalSince(night) == 21_600)
        // Sunday 01:00 CET = 00:00Z, no shifts: the day ends Mon 00:00 CEST = Sun 22:00Z, 22 h = 79200 s later.
        let early = Fixtures.at("2026-03-29T01:00:00+01:00")
        let endOfDay = noPattern.dueDate(for: .endOfDay, raisedAt: early)
        #expect(endOfDay == Fixtures.at("2026-03-29T22:00:00Z"))
        #expect(endOfDay?.timeIntervalSince(early) == 79_200)
        // Sunday 08:00 CEST in Early (ends 14:00 CEST): the day ends later, at 22:00Z.
        #expect(everyDay.dueDate(for: .endOfDay, raisedAt: Fixtures.at("2026-03-29T08:00:00+02:00")) == Fixtures.at("2026-03-29T22:00:00Z"))
        // Mon 23 March 09:00 CET = 08:00Z → Mon 30 March 09:00 CEST = 07:00Z: 167 h = 601200 s, not 168 h.
        let monday = Fixtures.at("2026-03-23T09:00:00+01:00")
        let week = workingDays.dueDate(for: .withinWeek, raisedAt: monday)
        #expect(week == Fixtures.at("2026-03-30T07:00:00Z"))
        #expect(week?.timeIntervalSince(monday) == 601_200)
        // Sun 22 March 02:30 CET = 01:30Z → Sun 29 March 02:30 does not exist and resolves as
        // PlantCalendar does, to 03:30 CEST = 01:30Z.
        let skipped = workingDays.dueDate(for: .withinWeek, raisedAt: Fixtures.at("2026-03-22T02:30:00+01:00"))
        #expect(skipped == Fixtures.at("2026-03-29T01:30:00Z"))
    }

    @Test("fall-back (25 October 2026): the night is 1 h longer, the day 25 h, a week 169 h")
    func fallBack() {
        // Night Sat 22:00 CEST → Sun 06:00 CET; raised 23:00 CEST = 21:00Z, due 06:00 CET = 05:00Z: 8 h = 28800 s.
        let night = Fixtures.at("2026-10-24T23:00:00+02:00")
        let endOfShift = everyDay.dueDate(for: .endOfShift, raisedAt: night)
        #expect(endOfShift == Fixtures.at("2026-10-25T05:00:00Z"))
        #expect(endOfShift?.timeIntervalSince(night) == 28_800)
        // Sunday 01:00 CEST = Sat 23:00Z, no shifts: the day ends Mon 00:00 CET = Sun 23:00Z, 24 h = 86400 s later.
        let early = Fixtures.at("2026-10-25T01:00:00+02:00")
        let endOfDay = noPattern.dueDate(for: .endOfDay, raisedAt: early)
        #expect(endOfDay == Fixtures.at("2026-10-25T23:00:00Z"))
        #expect(endOfDay?.timeIntervalSince(early) == 86_400)
        // Mon 19 October 09:00 CEST = 07:00Z → Mon 26 October 09:00 CET = 08:00Z: 169 h = 608400 s.
        let monday = Fixtures.at("2026-10-19T09:00:00+02:00")
        let week = workingDays.dueDate(for: .withinWeek, raisedAt: monday)
        #expect(week == Fixtures.at("2026-10-26T08:00:00Z"))
        #expect(week?.timeIntervalSince(monday) == 608_400)
    }

    @Test("a task opens with the due date of its priority, or names every invalid field")
    func openedTask() throws {
        let task = try WorkflowFixtures.task()
        // Raised Monday 09:00 CET in Early: due at its end, 14:00 CET.
        #expect(task.dueAt == Fixtures.at("2026-03-02T14:00:00+01:00"))
        #expect(task.status == .open && task.revision == 1 && task.escalationLevel == 0)
        #expect {
            try HumanTask.opened(
                id: UUID(), workflowInstanceId: UUID(), siteId: WorkflowFixtures.siteId, lineId: nil, type: "dds action", title: " ",
                assignee: .user(""), priority: .direct, requiresSignature: false, at: WorkflowFixtures.raisedAt, dueDates: WorkflowFixtures.dueDates)
        } throws: { WorkflowFixtures.fields($0) == ["/type", "/title", "/assignee"] }
    }
}

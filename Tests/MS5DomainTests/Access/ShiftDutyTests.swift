import Foundation
import MS5Domain
import Testing

@Suite("Operators' shift duty")
struct ShiftDutyTests {
    /// 3×8 from 06:00 Berlin time, Monday to Friday; in November Berlin is UTC+1, so Early is
    /// 05:00–13:00 UTC, Late 13:00–21:00 UTC and Night 21:00–05:00 UTC.
    let duty = ShiftDuty(shiftPattern: .threeShifts(), timeZone: TimeZone(identifier: "Europe/Berlin")!)

    @Test("A job given during Monday's Early shift is for that shift: on duty until 13:00 UTC, not a second later")
    func jobDuringShift() {
        let given = Fixtures.at("2026-11-23T09:00:00Z")
        let shift = duty.shift(forJobGivenAt: given)
        #expect(shift?.name == "Early")
        #expect(shift?.start == Fixtures.at("2026-11-23T05:00:00Z"))
        #expect(shift?.end == Fixtures.at("2026-11-23T13:00:00Z"))
        let jobs = [ShiftDuty.Job(assignedAt: given, status: .started)]
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-23T12:59:59Z")) == nil)
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-23T13:00:00Z"))?.contains("shift on this line is over") == true)
    }

    @Test("A job given on Saturday is for Monday's Early shift: refused until 05:00 UTC Monday")
    func jobBetweenShifts() {
        let given = Fixtures.at("2026-11-28T10:00:00Z")
        #expect(duty.shift(forJobGivenAt: given)?.start == Fixtures.at("2026-11-30T05:00:00Z"))
        let jobs = [ShiftDuty.Job(assignedAt: given, status: .assigned)]
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-28T11:00:00Z")) == "Your job on this line is for the Early shift, which has not started yet.")
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-30T05:00:00Z")) == nil)
    }

    @Test("No job, or only completed ones, gives no duty")
    func noOpenJob() {
        let now = Fixtures.at("2026-11-23T09:00:00Z")
        let completed = [ShiftDuty.Job(assignedAt: now.addingTimeInterval(-3600), status: .completed)]
        #expect(duty.refusal(jobs: [], at: now)?.hasPrefix("You hold no open job") == true)
        #expect(duty.refusal(jobs: completed, at: now)?.hasPrefix("You hold no open job") == true)
    }

    @Test("A job given at 22:30 Friday (Berlin) is for the Night shift, Friday 21:00 to Saturday 05:00 UTC")
    func nightShiftAcrossMidnight() {
        let jobs = [ShiftDuty.Job(assignedAt: Fixtures.at("2026-11-27T21:30:00Z"), status: .accepted)]
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-27T20:59:59Z")) != nil)
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-28T04:59:59Z")) == nil)
        #expect(duty.refusal(jobs: jobs, at: Fixtures.at("2026-11-28T05:00:00Z")) != nil)
    }
}

import MS5Modbus
import Testing

@Suite struct PollScheduleTests {
    private let clock = ContinuousClock()

    @Test func nextDeadlineAddsThePeriodWithoutDrift() {
        let start = clock.now
        let period = Duration.milliseconds(100)
        // The read finished early: the next deadline is exactly one period on.
        #expect(ModbusPollSchedule.nextDeadline(after: start, period: period, now: start.advanced(by: .milliseconds(30)))
            == start.advanced(by: .milliseconds(100)))
    }

    @Test func missedDeadlinesAreSkipped() {
        let start = clock.now
        let period = Duration.milliseconds(100)
        #expect(ModbusPollSchedule.nextDeadline(after: start, period: period, now: start.advanced(by: .milliseconds(350)))
            == start.advanced(by: .milliseconds(400)))
        #expect(ModbusPollSchedule.nextDeadline(after: start, period: period, now: start.advanced(by: .milliseconds(300)))
            == start.advanced(by: .milliseconds(300)))
    }

    @Test func pollGroupPeriodIsClamped() {
        #expect(ModbusPollGroup(name: "fast", period: .milliseconds(1), addresses: []).period == .milliseconds(100))
        #expect(ModbusPollGroup(name: "slow", period: .seconds(600), addresses: []).period == .seconds(60))
        #expect(ModbusPollGroup(name: "ok", period: .seconds(1), addresses: []).period == .seconds(1))
    }
}

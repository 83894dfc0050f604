import MS5Modbus
import Testing

@Suite struct ScheduleAndBackoffTests {
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

    @Test func backoffGrowsAndCaps() {
        let backoff = ModbusBackoff()
        #expect(backoff.delay(attempt: 0, unitRandom: 0.5) == .milliseconds(250))
        #expect(backoff.delay(attempt: 1, unitRandom: 0.5) == .milliseconds(500))
        #expect(backoff.delay(attempt: 3, unitRandom: 0.5) == .seconds(2))
        #expect(backoff.delay(attempt: 20, unitRandom: 0.5) == .seconds(30))
        #expect(backoff.delay(attempt: 20, unitRandom: 0.99) == .seconds(30))
    }

    @Test func jitterSpreadsTwentyPercent() {
        let backoff = ModbusBackoff()
        #expect(backoff.delay(attempt: 2, unitRandom: 0) == .milliseconds(800))
        #expect(backoff.delay(attempt: 2, unitRandom: 1) == .milliseconds(1200))
        for _ in 0..<100 {
            let delay = backoff.delay(attempt: 2)
            #expect(delay >= .milliseconds(800) && delay <= .milliseconds(1200))
        }
    }

    @Test func pollGroupPeriodIsClamped() {
        #expect(ModbusPollGroup(name: "fast", period: .milliseconds(1), addresses: []).period == .milliseconds(100))
        #expect(ModbusPollGroup(name: "slow", period: .seconds(600), addresses: []).period == .seconds(60))
        #expect(ModbusPollGroup(name: "ok", period: .seconds(1), addresses: []).period == .seconds(1))
    }
}

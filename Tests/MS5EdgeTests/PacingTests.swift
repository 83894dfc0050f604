import MS5Domain
import MS5Edge
import Testing

@Suite("Backoff and delivery rate")
struct PacingTests {
    @Test("backoff doubles from 0.5 s to the 60 s cap")
    func baseDelays() {
        let backoff = RetryBackoff()
        let seconds = (0..<10).map { backoff.baseDelay(attempt: $0) }
        #expect(seconds == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16),
                            .seconds(32), .seconds(60), .seconds(60), .seconds(60)])
    }

    @Test("jitter stays within ±20 % and is reproducible from a seed")
    func jitter() {
        let backoff = RetryBackoff()
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        var other = SplitMix64(seed: 8)
        var delays: [Duration] = []
        for attempt in 0..<200 {
            let delay = backoff.delay(attempt: attempt % 12, using: &first)
            let base = backoff.baseDelay(attempt: attempt % 12)
            #expect(delay >= base * 0.8 && delay <= base * 1.2)
            #expect(delay == backoff.delay(attempt: attempt % 12, using: &second))
            delays.append(delay)
        }
        let otherDelays = (0..<200).map { backoff.delay(attempt: $0 % 12, using: &other) }
        #expect(delays != otherDelays)
        #expect(Set(delays.prefix(12)).count == 12, "jitter varies the delays")
        #expect(RetryBackoff(jitter: 0).delay(attempt: 3, using: &first) == .seconds(4))
    }

    @Test("rate is samples per second over the last window")
    func rate() {
        let start = ContinuousClock.now
        var rate = DeliveryRate(window: .seconds(60))
        #expect(rate.rate(at: start) == 0)
        rate.record(samples: 600, at: start)
        rate.record(samples: 1200, at: start + .seconds(30))
        #expect(rate.rate(at: start + .seconds(30)) == 30)
        #expect(rate.rate(at: start + .seconds(61)) == 20, "the first delivery left the window")
        #expect(rate.rate(at: start + .seconds(91)) == 0)
        rate.record(samples: 60, at: start + .seconds(200))
        #expect(rate.rate(at: start + .seconds(200)) == 1)
    }
}

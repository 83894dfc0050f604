import MS5Edge
import Testing

@Suite("Delivery rate")
struct DeliveryRateTests {
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

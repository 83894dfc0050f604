import Foundation
import MS5Domain
import Testing

@Suite("Counter accumulator")
struct CounterAccumulatorTests {
    let t0 = Fixtures.at("2026-03-02T06:00:00Z")

    func reading(_ seconds: TimeInterval, total: Int? = nil, good: Int? = nil, reject: Int? = nil) -> CounterReading {
        CounterReading(at: t0.addingTimeInterval(seconds), good: good, total: total, reject: reject)
    }

    @Test("16-bit rollover is counted across the wrap, a PLC reset from the new value")
    func rolloverAndReset() {
        var accumulator = CounterAccumulator(settings: CounterSettings(rollover: 65_536, maximumRatePerSecond: 10))
        // Baseline: counts nothing.
        #expect(accumulator.ingest(reading(0, total: 65_000)).increment == nil)
        // 65500 − 65000 = 500.
        #expect(accumulator.ingest(reading(60, total: 65_500)).increment?.total == 500)
        // Drop to 464: 65536 − 65500 + 464 = 500 ≤ 10/s × 60 s = 600 → rollover, +500.
        let wrap = accumulator.ingest(reading(120, total: 464))
        #expect(wrap.increment?.total == 500)
        #expect(wrap.events.map(\.kind) == [.rollover])
        // Drop to 100: 65536 − 464 + 100 = 65172 > 600 → reset, count the new value: +100.
        let reset = accumulator.ingest(reading(180, total: 100))
        #expect(reset.increment?.total == 100)
        #expect(reset.events == [CounterEvent(kind: .reset, channel: .total, at: t0.addingTimeInterval(180), previousValue: 464, value: 100)])
        // 700 − 100 = 600.
        #expect(accumulator.ingest(reading(240, total: 700)).increment?.total == 600)
    }

    @Test("32-bit rollover")
    func rollover32() {
        var accumulator = CounterAccumulator(settings: CounterSettings(rollover: 4_294_967_296, maximumRatePerSecond: 10))
        _ = accumulator.ingest(reading(0, total: 4_294_967_000))
        // 4294967296 − 4294967000 + 200 = 496 ≤ 600.
        let wrap = accumulator.ingest(reading(60, total: 200))
        #expect(wrap.increment?.total == 496)
        #expect(wrap.events.map(\.kind) == [.rollover])
    }

    @Test("good and reject channels give produced = good + reject")
    func goodAndReject() throws {
        var accumulator = CounterAccumulator(settings: CounterSettings(rollover: 65_536, maximumRatePerSecond: 10))
        _ = accumulator.ingest(reading(0, good: 1000, reject: 10))
        let increment = try #require(accumulator.ingest(reading(60, good: 1290, reject: 20)).increment)
        // good +290, reject +10 → produced 300, good 290, rejects 10.
        #expect(increment.producedQuantity == 300)
        #expect(increment.goodQuantity == 290)
        #expect(increment.rejectQuantity == 10)
    }

    @Test("total and good channels give rejects = total − good")
    func totalAndGood() {
        // total +300, good +280 → rejects 20.
        let increment = CounterIncrement(at: t0, good: 280, total: 300)
        #expect(increment.rejectQuantity == 20)
        #expect(increment.goodQuantity == 280)
    }

    @Test("out-of-order readings and out-of-range values are ignored and reported")
    func badReadings() {
        var accumulator = CounterAccumulator(settings: CounterSettings(rollover: 65_536, maximumRatePerSecond: 10))
        _ = accumulator.ingest(reading(60, total: 100))
        let late = accumulator.ingest(reading(30, total: 50))
        #expect(late.increment == nil)
        #expect(late.events.map(\.kind) == [.outOfOrder])
        let tooBig = accumulator.ingest(reading(90, total: 70_000))
        #expect(tooBig.increment?.total == nil)
        #expect(tooBig.events.map(\.kind) == [.outOfRange])
        // The baseline stays 100: 150 − 100 = 50.
        #expect(accumulator.ingest(reading(120, total: 150)).increment?.total == 50)
    }

    @Test("increments are attributed to the interval ending at or after their timestamp")
    func attribution() {
        let increments = [
            CounterIncrement(at: Fixtures.at("2026-03-02T13:59:00Z"), total: 10),
            CounterIncrement(at: Fixtures.at("2026-03-02T14:00:00Z"), total: 20),
            CounterIncrement(at: Fixtures.at("2026-03-02T14:01:00Z"), total: 40),
        ]
        // Early (06:00, 14:00]: 10 + 20 = 30; Late (14:00, 22:00]: 40.
        let early = ProductionQuantities(increments: increments, attributedTo: Fixtures.span("2026-03-02T06:00:00Z", "2026-03-02T14:00:00Z"))
        let late = ProductionQuantities(increments: increments, attributedTo: Fixtures.span("2026-03-02T14:00:00Z", "2026-03-02T22:00:00Z"))
        #expect(early.produced == 30)
        #expect(late.produced == 40)
    }

    @Test("settings validation")
    func settingsValidation() {
        #expect(throws: DomainError.self) { try CounterSettings(rollover: 1, maximumRatePerSecond: 0).validated() }
    }
}

import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("Counters")
struct CounterTests {
    @Test("Count_Blade_PEC.ACC wraps exactly from 32767 to 0")
    func wrapsAtLimit() {
        var configuration = SimulatorConfiguration.quiet
        configuration.counterStartValue = 32_700
        configuration.counterPublishInterval = 1
        var simulator = BreadLineSimulator(seed: 3, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(300))
        let values = series(samples, SimulatedTags.baggerTotalCount).map(\.value)

        #expect(values.first == 32_700)
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 32_767 })
        let wrapIndex = values.firstIndex(of: 0)
        #expect(wrapIndex != nil)
        if let wrapIndex {
            #expect(wrapIndex > 0)
            #expect(values[wrapIndex - 1] == 32_767)
        }
        // 60 packs/min at 1 s ticks: every published step is exactly one pack, wrap included.
        let steps = zip(values, values.dropFirst()).map { ($1 - $0 + 32_768).truncatingRemainder(dividingBy: 32_768) }
        #expect(steps.allSatisfy { $0 == 1 })
        #expect(wrappedDeltaSum(values, modulus: 32_768) == simulator.productionTotals(for: .bagger).total)
        #expect(simulator.productionTotals(for: .bagger).total == 300)
    }

    @Test("the counter modulus is configurable")
    func customModulus() {
        var configuration = SimulatorConfiguration.quiet
        configuration.counterModulus = 100
        configuration.counterStartValue = 95
        configuration.counterPublishInterval = 1
        var simulator = BreadLineSimulator(seed: 3, start: midnight, configuration: configuration)
        let values = series(simulator.advance(to: midnight.addingTimeInterval(20)), SimulatedTags.slicerCount).map(\.value)
        #expect(values.max() == 99)
        #expect(values.contains(0))
        #expect(values.allSatisfy { $0 < 100 })
    }

    @Test("over a day, the sum of wrapped deltas of every counter equals the true piece count")
    func wrappedDeltasMatchTruth() {
        let day = standardDay
        let modulus = day.configuration.counterModulus
        let expectations: [(SimulatedTag, Int?)] = [
            (SimulatedTags.slicerCount, day.totals[.slicer]?.total),
            (SimulatedTags.baggerTotalCount, day.totals[.bagger]?.total),
            (SimulatedTags.baggerGoodCount, day.totals[.bagger]?.good),
            (SimulatedTags.baggerRejectCount, day.totals[.bagger]?.reject),
            (SimulatedTags.basketCount, day.totals[.basketLoader]?.total),
        ]
        for (tag, truth) in expectations {
            let values = series(day.samples, tag).map(\.value)
            #expect(values.allSatisfy { $0 >= 0 && $0 < Double(modulus) && $0 == $0.rounded() }, "\(tag.metric)")
            #expect(wrappedDeltaSum(values, modulus: modulus) == truth, "\(tag.metric)")
        }
        // ~60 packs/min for most of a day is more than two full counter cycles: it must wrap.
        let bagger = series(day.samples, SimulatedTags.baggerTotalCount).map(\.value)
        #expect(zip(bagger, bagger.dropFirst()).filter { $1 < $0 }.count >= 1)
        #expect((day.totals[.bagger]?.total ?? 0) > 40_000)
    }

    @Test("good plus reject equals total and the reject share lies within 1–2 % over a day")
    func rejectShare() throws {
        let day = standardDay
        let totals = try #require(day.totals[.bagger])
        #expect(totals.good + totals.reject == totals.total)
        let modulus = day.configuration.counterModulus
        let rejects = wrappedDeltaSum(series(day.samples, SimulatedTags.baggerRejectCount).map(\.value), modulus: modulus)
        let all = wrappedDeltaSum(series(day.samples, SimulatedTags.baggerTotalCount).map(\.value), modulus: modulus)
        let share = Double(rejects) / Double(all)
        #expect(share > 0.01 && share < 0.02, "reject share \(share)")
    }

    @Test("the line's pieces are conserved through the buffers")
    func conservation() throws {
        let day = standardDay
        let slicer = try #require(day.totals[.slicer]?.total)
        let bagger = try #require(day.totals[.bagger]?.total)
        let loader = try #require(day.totals[.basketLoader]?.total)
        let configuration = day.configuration
        // The slicer→bagger buffer starts full and the bagger→loader buffer starts empty.
        #expect(bagger - slicer <= configuration.slicerToBaggerBuffer)
        #expect(bagger - slicer >= -1)
        #expect(bagger - loader >= -1)
        #expect(bagger - loader <= configuration.baggerToBasketLoaderBuffer + 1)
    }
}

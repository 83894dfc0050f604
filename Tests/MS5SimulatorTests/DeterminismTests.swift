import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("Determinism")
struct DeterminismTests {
    @Test("same seed and start give byte-identical samples and truth")
    func sameSeedSameOutput() {
        var first = BreadLineSimulator(seed: 99, start: midnight)
        var second = BreadLineSimulator(seed: 99, start: midnight)
        let end = midnight.addingTimeInterval(8 * 3600)
        let a = first.advance(to: end)
        let b = second.advance(to: end)
        #expect(!a.isEmpty)
        let sameSamples = a == b
        let sameText = render(a) == render(b)
        let sameTruth = first.truth == second.truth
        let sameFaults = first.faultHistory == second.faultHistory
        #expect(sameSamples && sameText && sameTruth && sameFaults)
    }

    @Test("a different seed gives different samples")
    func differentSeedDifferentOutput() {
        var first = BreadLineSimulator(seed: 99, start: midnight)
        var second = BreadLineSimulator(seed: 100, start: midnight)
        let end = midnight.addingTimeInterval(8 * 3600)
        let sameSamples = render(first.advance(to: end)) == render(second.advance(to: end))
        let sameTruth = first.truth == second.truth
        #expect(!sameSamples)
        #expect(!sameTruth)
    }

    @Test("one advance equals many irregular small advances")
    func chunkedEqualsSingle() {
        let end = midnight.addingTimeInterval(6.5 * 3600)  // covers the 02:00 break and 06:00 changeover
        var whole = BreadLineSimulator(seed: 5, start: midnight)
        let single = whole.advance(to: end)

        var pieces = BreadLineSimulator(seed: 5, start: midnight)
        var chunked: [SimulatedSample] = []
        let steps: [TimeInterval] = [0.3, 1, 17.7, 59, 600, 3.2, 0.999, 1234.5]
        var now = midnight
        var index = 0
        while now < end {
            now = min(end, now.addingTimeInterval(steps[index % steps.count]))
            chunked += pieces.advance(to: now)
            index += 1
        }
        #expect(index > 100)
        #expect(chunked.count == single.count)
        let sameSamples = chunked == single
        let sameTruth = pieces.truth == whole.truth
        let sameFaults = pieces.faultHistory == whole.faultHistory
        #expect(sameSamples && sameTruth && sameFaults)
        #expect(pieces.productionTotals(for: .bagger) == whole.productionTotals(for: .bagger))
    }

    @Test("advancing to the past or to the same time publishes nothing")
    func advanceBackwards() {
        var simulator = BreadLineSimulator(seed: 1, start: midnight, configuration: .quiet)
        #expect(simulator.advance(to: midnight.addingTimeInterval(-10)).isEmpty)
        #expect(simulator.currentTime == nil)
        let initial = simulator.advance(to: midnight)
        #expect(initial.count == SimulatedTags.all.count)
        #expect(initial.allSatisfy { $0.timestamp == midnight })
        _ = simulator.advance(to: midnight.addingTimeInterval(30))
        #expect(simulator.advance(to: midnight.addingTimeInterval(10)).isEmpty)
        #expect(simulator.advance(to: midnight.addingTimeInterval(30)).isEmpty)
        #expect(simulator.currentTime == midnight.addingTimeInterval(30))
    }
}

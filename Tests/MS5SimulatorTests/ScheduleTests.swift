import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("Changeovers and breaks")
struct ScheduleTests {
    @Test("a changeover stops the line for its window and changes Current_Product")
    func changeover() throws {
        var configuration = SimulatorConfiguration.quiet
        configuration.changeovers = [DailyWindow(hour: 1, minutes: 5)]
        var simulator = BreadLineSimulator(seed: 41, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(3900 + 300))
        let windowStart = midnight.addingTimeInterval(3600)
        let windowEnd = windowStart.addingTimeInterval(300)

        let products = series(samples, SimulatedTags.baggerProduct)
        #expect(products.first?.value == 101)
        let change = try #require(products.first { $0.value != 101 })
        #expect(change.value == 102 && change.timestamp == windowStart)
        #expect(simulator.currentProduct == 102)
        for machine in LineMachine.allCases {
            let stop = try #require(intervals(simulator.truth, machine).first { $0.state == .stopped })
            #expect(stop.cause == .changeover(fromProduct: 101, toProduct: 102))
            #expect(stop.start == windowStart && stop.end == windowEnd)
            #expect(stop.cause?.isPlanned == true)
        }
        #expect(value(of: SimulatedTags.baggerSpeed, at: windowStart, in: samples) == 0)
        // After the changeover the bagger runs at product 102's nominal 56 packs/min.
        #expect(value(of: SimulatedTags.baggerSpeed, at: windowEnd.addingTimeInterval(30), in: samples) == 56)
    }

    @Test("products cycle through the list at successive changeovers")
    func productCycle() {
        var configuration = SimulatorConfiguration.quiet
        configuration.changeovers = [DailyWindow(hour: 1, minutes: 5), DailyWindow(hour: 2, minutes: 5), DailyWindow(hour: 3, minutes: 5)]
        var simulator = BreadLineSimulator(seed: 42, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(4 * 3600))
        let changes = series(samples, SimulatedTags.baggerProduct).map(\.value)
        var distinct: [Double] = []
        for value in changes where distinct.last != value { distinct.append(value) }
        #expect(distinct == [101, 102, 205, 101])
    }

    @Test("a break stops all three machines and their counters")
    func plannedBreak() throws {
        var configuration = SimulatorConfiguration.quiet
        configuration.breaks = [DailyWindow(hour: 0, minute: 30, minutes: 15)]
        var simulator = BreadLineSimulator(seed: 43, start: midnight, configuration: configuration)
        let samples = simulator.advance(to: midnight.addingTimeInterval(3600))
        let breakStart = midnight.addingTimeInterval(1800)
        let breakEnd = breakStart.addingTimeInterval(900)

        for machine in LineMachine.allCases {
            let stop = try #require(intervals(simulator.truth, machine).first { $0.state != .running })
            #expect(stop.state == .stopped && stop.cause == .plannedBreak)
            #expect(stop.start == breakStart && stop.end == breakEnd)
            let after = intervals(simulator.truth, machine).first { $0.start == breakEnd }
            #expect(after?.state == .running)
        }
        for tag in [SimulatedTags.slicerCount, SimulatedTags.baggerTotalCount, SimulatedTags.basketCount] {
            let early = value(of: tag, at: breakStart.addingTimeInterval(10), in: samples)
            let late = value(of: tag, at: breakEnd.addingTimeInterval(-1), in: samples)
            #expect(early != nil && early == late, "\(tag.metric) moved during the break")
        }
        #expect(value(of: SimulatedTags.basketAutoCycle, at: breakStart, in: samples) == 0)
        #expect(value(of: SimulatedTags.slicerSpeed, at: breakStart, in: samples) == 0)
        let word1 = try #require(value(of: SimulatedTags.baggerFaultWord1, at: breakStart, in: samples))
        #expect(!FaultWords.isSet(bit: 59, inWord: 1, value: word1))
        #expect(!FaultWords.isSet(bit: 58, inWord: 1, value: word1))
        #expect(FaultWords.isSet(bit: 57, inWord: 1, value: word1))
    }

    @Test("daily windows honour the UTC offset and may span midnight")
    func windows() {
        let overnight = DailyWindow(hour: 23, minute: 50, minutes: 20)
        #expect(overnight.contains(secondOfDay: 23 * 3600 + 55 * 60))
        #expect(overnight.contains(secondOfDay: 5 * 60))
        #expect(!overnight.contains(secondOfDay: 11 * 60))
        #expect(!overnight.contains(secondOfDay: 12 * 3600))

        var configuration = SimulatorConfiguration.quiet
        configuration.breaks = [DailyWindow(hour: 1, minutes: 10)]
        configuration.utcOffsetSeconds = 3600  // local 01:00 is 00:00 UTC
        var simulator = BreadLineSimulator(seed: 44, start: midnight, configuration: configuration)
        _ = simulator.advance(to: midnight.addingTimeInterval(1200))
        let stop = intervals(simulator.truth, .bagger).first
        #expect(stop?.cause == .plannedBreak && stop?.start == midnight)
        #expect(stop?.end == midnight.addingTimeInterval(600))
    }
}

import MS5Domain
import Foundation
import MS5Simulator
import Testing

@Suite("A simulated day")
struct DayRunTests {
    @Test("reports how long one simulated day takes (informational, not asserted)")
    func timing() {
        let day = standardDay
        print("PlantSimulator: one simulated day (86 400 ticks) took \(String(format: "%.3f", day.seconds)) s, \(day.samples.count) samples")
        #expect(day.samples.count > 10_000)
    }

    @Test("no sample is older than the previous one of the same tag")
    func timestampsMonotonic() {
        let day = standardDay
        var last: [String: Date] = [:]
        var previous = Date.distantPast
        for sample in day.samples {
            let key = sample.equipment + "/" + sample.metric
            if let before = last[key] {
                #expect(sample.timestamp > before, "\(key)")
            }
            #expect(sample.timestamp >= previous)
            last[key] = sample.timestamp
            previous = sample.timestamp
        }
        #expect(last.count == SimulatedTags.all.count)
        #expect(day.samples.allSatisfy { $0.timestamp <= day.end })
    }

    @Test("every sample belongs to a catalogued tag and heartbeats keep every tag alive")
    func catalogueAndHeartbeat() throws {
        let day = standardDay
        #expect(day.samples.allSatisfy { SimulatedTags.tag(equipment: $0.equipment, metric: $0.metric) != nil })
        let heartbeat = try #require(day.configuration.heartbeatInterval)
        let product = series(day.samples, SimulatedTags.baggerProduct)
        let gaps = zip(product, product.dropFirst()).map { $1.timestamp.timeIntervalSince($0.timestamp) }
        #expect(gaps.allSatisfy { $0 <= heartbeat })
        #expect(product.count >= Int(86_400 / heartbeat))
    }

    @Test("the truth covers each machine contiguously and shows every kind of state")
    func truthShape() {
        let day = standardDay
        for machine in LineMachine.allCases {
            let list = intervals(day.truth, machine)
            #expect(list.first?.start == midnight)
            #expect(list.last?.end == nil)
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.end == $1.start })
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.state != $1.state || $0.cause != $1.cause })
        }
        let states = Set(day.truth.map(\.state))
        #expect(states == Set(SimulatedMachineState.allCases))
        let bagger = intervals(day.truth, .bagger)
        #expect(bagger.filter { $0.cause == .microStop }.count > 20)
        #expect(bagger.contains { $0.state == .starved })
        #expect(bagger.contains { $0.state == .blocked })
        let breaks = bagger.filter { $0.cause == .plannedBreak }
        #expect(breaks.count == day.configuration.breaks.count)
        let changeovers = bagger.filter { if case .changeover = $0.cause { true } else { false } }
        #expect(changeovers.count == day.configuration.changeovers.count)
        // Stop causes never overlap running: a running interval has no cause.
        #expect(day.truth.filter { $0.state == .running }.allSatisfy { $0.cause == nil })
    }

    @Test("MC_Avg_Speed is zero exactly when the bagger does not run and near nominal otherwise")
    func speedFollowsState() {
        let day = standardDay
        for sample in series(day.samples, SimulatedTags.baggerSpeed) {
            let state = day.truth.first { $0.machine == .bagger && $0.contains(sample.timestamp) }?.state
            if state == .running {
                #expect(sample.value > 0 && sample.value <= 62.5)
            } else {
                #expect(sample.value == 0)
            }
        }
    }

    @Test("discarding old truth keeps current intervals and the simulation unchanged")
    func discardTruth() {
        var trimmed = BreadLineSimulator(seed: 8, start: midnight)
        var full = BreadLineSimulator(seed: 8, start: midnight)
        let half = midnight.addingTimeInterval(12 * 3600)
        _ = trimmed.advance(to: half)
        _ = full.advance(to: half)
        trimmed.discardTruth(before: half)
        #expect(trimmed.truth.count < full.truth.count)
        #expect(trimmed.truth.allSatisfy { ($0.end ?? half) >= half })
        let end = midnight.addingTimeInterval(24 * 3600)
        #expect(trimmed.advance(to: end) == full.advance(to: end))
        let late = full.faultHistory.filter { ($0.end ?? end) >= half }
        #expect(trimmed.faultHistory == late)
    }
}

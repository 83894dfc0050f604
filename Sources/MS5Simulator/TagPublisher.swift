import MS5Domain
import Foundation

/// Turns the current tag values of each tick into samples: on change, at the counter cadence,
/// plus heartbeats (internal).
struct TagPublisher: Sendable {
    /// Current value of every slot, written by the simulator each tick.
    var values: [Double]
    private var lastPublished: [Double]
    private var lastPublishedTick: [Int]
    private let isCounter: [Bool]
    private let counterEvery: Int
    private let heartbeatEvery: Int?

    /// Creates a publisher; intervals are in ticks (at least 1).
    init(counterEvery: Int, heartbeatEvery: Int?) {
        let count = TagSlot.allCases.count
        precondition(count == SimulatedTags.all.count, "TagSlot and SimulatedTags.all disagree")
        values = Array(repeating: 0, count: count)
        lastPublished = Array(repeating: 0, count: count)
        lastPublishedTick = Array(repeating: -1, count: count)
        isCounter = TagSlot.allCases.map { $0.cadence == .counter }
        self.counterEvery = max(1, counterEvery)
        self.heartbeatEvery = heartbeatEvery.map { max(1, $0) }
    }

    /// Sets the value of one slot.
    mutating func set(_ slot: TagSlot, _ value: Double) {
        values[slot.rawValue] = value
    }

    /// Appends the samples due on tick `tick` (stamped `time`) to `samples`.
    mutating func publish(tick: Int, time: Date, into samples: inout [SimulatedSample]) {
        let counterTick = tick % counterEvery == 0
        for index in values.indices {
            if isCounter[index] && !counterTick { continue }
            let value = values[index]
            let last = lastPublishedTick[index]
            let due: Bool
            if last < 0 || value != lastPublished[index] {
                due = true
            } else if let heartbeatEvery {
                due = tick - last >= heartbeatEvery
            } else {
                due = false
            }
            guard due else { continue }
            let tag = SimulatedTags.all[index]
            samples.append(SimulatedSample(equipment: tag.equipment, metric: tag.metric, timestamp: time, value: value))
            lastPublished[index] = value
            lastPublishedTick[index] = tick
        }
    }
}

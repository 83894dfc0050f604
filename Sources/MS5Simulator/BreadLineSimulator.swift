import MS5Domain
import Foundation

/// A deterministic simulation of the bread line Slicer 1 → Bagger 1 → Basket Loader 1 that
/// produces the raw tag values the real PLCs would (see ``SimulatedTags``) together with the
/// ground truth of what happened (``truth``, ``faultHistory``, ``productionTotals(for:)``).
///
/// The simulation steps in fixed ticks of ``SimulatorConfiguration/tick`` seconds starting at
/// `start` (tick 0 publishes the initial value of every tag). A given seed, start and
/// configuration always produce the same samples, however `advance(to:)` calls are split.
///
/// ```swift
/// var line = BreadLineSimulator(seed: 42, start: shiftStart)
/// let samples = line.advance(to: shiftStart.addingTimeInterval(3600))
/// ```
public struct BreadLineSimulator: Sendable {
    /// The seed every random stream is derived from.
    public let seed: UInt64
    /// Time of tick 0.
    public let start: Date
    /// The configuration in force.
    public let configuration: SimulatorConfiguration

    // Internal state, shared with the extensions in the other files.
    var nextTick = 0
    var machines: [MachineRuntime]
    var upstreamBuffer: Int
    var downstreamBuffer: Int
    let upstreamCapacity: Int
    let downstreamCapacity: Int
    var productIndex = 0
    var changeoverFromProduct = 0
    var inChangeover = false
    var baggerSetSpeed: Double
    var speedChangeCountdown: Int?
    var speedRng: SplitMix64
    var rejectRng: SplitMix64
    var noiseRng: SplitMix64
    var warning: ActiveStop?
    var warningCountdown: Int?
    var warningRng: SplitMix64
    var baggerRejects = 0
    var counterOffsets: [Int]
    var oilPressure = 0.0
    var scripted: [(tick: Int, stop: ScriptedStop, ticks: Int)]
    var scriptedCursor = 0
    var publisher: TagPublisher
    var recorder = TruthRecorder()
    let faultEntries: [[FaultCatalogEntry]]
    let warningEntries: [FaultCatalogEntry]
    let processEvery: Int

    /// Creates a simulator. Nothing is computed until the first ``advance(to:)``.
    ///
    /// - Precondition: `configuration.tick > 0`, at least one product, buffers of at least one
    ///   piece, positive machine rates and `counterModulus > 1`.
    public init(seed: UInt64, start: Date, configuration: SimulatorConfiguration = .standard) {
        let config = configuration
        precondition(config.tick > 0, "tick must be positive")
        precondition(!config.products.isEmpty, "at least one product is required")
        precondition(config.slicerToBaggerBuffer >= 1 && config.baggerToBasketLoaderBuffer >= 1, "buffers need room")
        precondition(config.slicerLoavesPerMinute > 0 && config.basketLoaderLoavesPerMinute > 0, "rates must be positive")
        precondition(config.products.allSatisfy { $0.packsPerMinute > 0 }, "product rates must be positive")
        precondition(config.counterModulus > 1, "counter modulus must exceed 1")
        self.seed = seed
        self.start = start
        self.configuration = config

        let master = SplitMix64(seed: seed)
        let rates = [config.slicerLoavesPerMinute, config.products[0].packsPerMinute, config.basketLoaderLoavesPerMinute]
        machines = LineMachine.allCases.map { machine in
            MachineRuntime(
                maxFlowPerTick: LineFlow.microPiecesPerTick(perMinute: rates[machine.rawValue], tick: config.tick),
                rng: master.derived(stream: UInt64(10 + machine.rawValue)))
        }
        let piece = LineFlow.microPiecesPerPiece
        upstreamCapacity = config.slicerToBaggerBuffer * piece
        downstreamCapacity = config.baggerToBasketLoaderBuffer * piece
        upstreamBuffer = upstreamCapacity
        downstreamBuffer = 0
        baggerSetSpeed = config.products[0].packsPerMinute
        changeoverFromProduct = config.products[0].code
        speedRng = master.derived(stream: 1)
        rejectRng = master.derived(stream: 2)
        noiseRng = master.derived(stream: 3)
        warningRng = master.derived(stream: 4)
        var counterRng = master.derived(stream: 5)
        let modulus = config.counterModulus
        counterOffsets = (0 ..< 5).map { _ in
            config.counterStartValue.map { (($0 % modulus) + modulus) % modulus }
                ?? Int(counterRng.nextUnit() * Double(modulus))
        }
        faultEntries = LineMachine.allCases.map { machine in
            config.faultCatalog.filter { $0.kind == .fault && $0.hasValidBit && $0.stoppedMachine == machine }
        }
        warningEntries = config.faultCatalog.filter { $0.kind == .warning && $0.hasValidBit }
        processEvery = max(1, Int((config.processValueInterval / config.tick).rounded()))
        publisher = TagPublisher(
            counterEvery: Int((config.counterPublishInterval / config.tick).rounded()),
            heartbeatEvery: config.heartbeatInterval.map { Int(($0 / config.tick).rounded()) })
        scripted = Self.resolveScriptedStops(config.scriptedStops, start: start, tick: config.tick)
        scheduleInitialCountdowns()
    }

    /// Runs every tick up to and including `time` and returns the samples they published, in
    /// time order (and, within a tick, in ``SimulatedTags/all`` order).
    ///
    /// Calling this once for a long span or many times for small spans yields the same samples.
    /// A `time` before `start` or before the last computed tick returns an empty array.
    public mutating func advance(to time: Date) -> [SimulatedSample] {
        let elapsed = time.timeIntervalSince(start)
        guard elapsed >= 0 else { return [] }
        let lastTick = Int((elapsed / configuration.tick + 1e-9).rounded(.down))
        var samples: [SimulatedSample] = []
        while nextTick <= lastTick {
            step(tick: nextTick, into: &samples)
            nextTick += 1
        }
        return samples
    }

    /// Time of the last computed tick; `nil` before the first ``advance(to:)``.
    public var currentTime: Date? {
        nextTick == 0 ? nil : time(ofTick: nextTick - 1)
    }

    /// The product code currently in `Current_Product`.
    public var currentProduct: Int {
        configuration.products[productIndex].code
    }

    /// State of `machine` on the last computed tick.
    public func currentState(of machine: LineMachine) -> SimulatedMachineState {
        machines[machine.rawValue].state
    }

    /// Content of the two buffers in pieces on the last computed tick.
    public var bufferLevels: (slicerToBagger: Double, baggerToBasketLoader: Double) {
        let piece = Double(LineFlow.microPiecesPerPiece)
        return (Double(upstreamBuffer) / piece, Double(downstreamBuffer) / piece)
    }

    /// Ground truth: every state interval of every machine (the current ones with `end == nil`),
    /// ordered by start time and then line order.
    public var truth: [MachineStateInterval] {
        recorder.allIntervals
    }

    /// Ground truth: every fault and warning bit occurrence, in start order.
    public var faultHistory: [FaultOccurrence] {
        recorder.faults
    }

    /// Ground truth: pieces `machine` produced since `start`, unwrapped.
    public func productionTotals(for machine: LineMachine) -> ProductionTotals {
        let total = machines[machine.rawValue].producedPieces
        let reject = machine == .bagger ? baggerRejects : 0
        return ProductionTotals(total: total, good: total - reject, reject: reject)
    }

    /// Drops finished truth (intervals and occurrences that ended before `time`) to bound memory
    /// in long-running demos. Has no effect on the samples.
    public mutating func discardTruth(before time: Date) {
        let remap = recorder.discard(before: time)
        for index in machines.indices {
            if let old = machines[index].stop?.occurrenceIndex {
                machines[index].stop?.occurrenceIndex = remap[old]
            }
        }
        if let old = warning?.occurrenceIndex {
            warning?.occurrenceIndex = remap[old]
        }
    }

    /// Timestamp of tick `tick`.
    func time(ofTick tick: Int) -> Date {
        start.addingTimeInterval(Double(tick) * configuration.tick)
    }

    /// Maps scripted stops to tick indexes, dropping those that end before `start`.
    private static func resolveScriptedStops(
        _ stops: [ScriptedStop], start: Date, tick: Double
    ) -> [(tick: Int, stop: ScriptedStop, ticks: Int)] {
        let resolved = stops.enumerated().compactMap { order, stop -> (order: Int, tick: Int, stop: ScriptedStop, ticks: Int)? in
            let offset = stop.start.timeIntervalSince(start) / tick
            let endTick = Int((offset + stop.duration / tick - 1e-9).rounded(.up))
            let startTick = max(0, Int((offset - 1e-9).rounded(.up)))
            guard endTick > startTick else { return nil }
            return (order, startTick, stop, endTick - startTick)
        }
        // Same tick: the later entry in the list wins (it replaces the earlier one).
        return resolved.sorted { ($0.tick, $0.order) < ($1.tick, $1.order) }.map { ($0.tick, $0.stop, $0.ticks) }
    }
}

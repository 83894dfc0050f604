import MS5Domain
import Foundation

/// Everything that shapes a simulated run. Start from ``standard`` (a realistic day) or
/// ``quiet`` (no random events, no schedule: for tests) and adjust fields.
public struct SimulatorConfiguration: Sendable, Hashable, Codable {
    // MARK: Time base and publishing

    /// Fixed simulation step in seconds. Results depend only on the tick, never on how often
    /// `advance(to:)` is called.
    public var tick: TimeInterval = 1
    /// Counters are compared and published only on ticks that are multiples of this interval
    /// (rounded to ticks), like a poller; other tags are published on every change.
    public var counterPublishInterval: TimeInterval = 5
    /// The slicer oil pressure is re-sampled (with noise) at this interval and published on change.
    public var processValueInterval: TimeInterval = 10
    /// Every tag is re-published with its unchanged value when it has not been published for this
    /// long (`nil` = no heartbeat). Heartbeats carry the current value, so they never add deltas.
    public var heartbeatInterval: TimeInterval? = 60

    // MARK: Rates and buffers

    /// Products in changeover order; the run starts with the first one.
    public var products: [ProductSpec] = [
        ProductSpec(code: 101, packsPerMinute: 60),
        ProductSpec(code: 102, packsPerMinute: 56),
        ProductSpec(code: 205, packsPerMinute: 58),
    ]
    /// Slicer 1's maximum rate in loaves per minute (kept above the bagger's: the bagger is the
    /// constraint).
    public var slicerLoavesPerMinute: Double = 66
    /// Basket Loader 1's maximum rate in loaves per minute.
    public var basketLoaderLoavesPerMinute: Double = 70
    /// Operator speed changes on the bagger (`nil` = the set speed stays at the product's nominal).
    public var speedChanges: SpeedChangeProfile? = SpeedChangeProfile(meanInterval: 1800, variation: 0.04)
    /// Share of bagged packs that are rejected (Bernoulli per pack).
    public var rejectRate: Double = 0.015
    /// Capacity in pieces of the accumulation between slicer and bagger (starts full).
    public var slicerToBaggerBuffer: Int = 12
    /// Capacity in pieces of the conveyor between bagger and basket loader (starts empty).
    public var baggerToBasketLoaderBuffer: Int = 8

    // MARK: Random stops

    /// Slicer micro-stops.
    public var slicerMicroStops: StopProfile? = StopProfile(meanRunTimeBetween: 2400, minDuration: 3, maxDuration: 20)
    /// Bagger micro-stops.
    public var baggerMicroStops: StopProfile? = StopProfile(meanRunTimeBetween: 900, minDuration: 3, maxDuration: 20)
    /// Basket loader micro-stops.
    public var basketLoaderMicroStops: StopProfile? = StopProfile(meanRunTimeBetween: 1800, minDuration: 3, maxDuration: 20)
    /// Slicer faults (entries of the catalog that stop the slicer).
    public var slicerFaults: StopProfile? = StopProfile(meanRunTimeBetween: 4 * 3600, minDuration: 120, maxDuration: 900)
    /// Bagger faults (entries of the catalog that stop the bagger).
    public var baggerFaults: StopProfile? = StopProfile(meanRunTimeBetween: 2 * 3600, minDuration: 60, maxDuration: 900)
    /// Basket loader faults (entries of the catalog that stop the basket loader).
    public var basketLoaderFaults: StopProfile? = StopProfile(meanRunTimeBetween: 3 * 3600, minDuration: 60, maxDuration: 600)
    /// Bagger warnings: a ``FaultKind/warning`` bit is set for a while; nothing stops.
    public var baggerWarnings: StopProfile? = StopProfile(meanRunTimeBetween: 3 * 3600, minDuration: 300, maxDuration: 1800)

    // MARK: Faults catalog and status bits

    /// Bagger 1's fault catalog; pass the full imported catalog here. Entries with a bit outside
    /// `0 ... 63` are ignored.
    public var faultCatalog: [FaultCatalogEntry] = FaultCatalog.bagger1Sample
    /// Which status bits of the `Fault` array are driven.
    public var statusBits = BaggerStatusBits()

    // MARK: Schedule

    /// Daily planned breaks; all three machines are stopped.
    public var breaks: [DailyWindow] = [
        DailyWindow(hour: 2, minutes: 20), DailyWindow(hour: 10, minutes: 30), DailyWindow(hour: 18, minutes: 20),
    ]
    /// Daily changeovers: the line stops and `Current_Product` moves to the next product.
    public var changeovers: [DailyWindow] = [
        DailyWindow(hour: 6, minutes: 6), DailyWindow(hour: 14, minutes: 6), DailyWindow(hour: 22, minutes: 6),
    ]
    /// Fixed offset from UTC, in seconds, in which ``breaks`` and ``changeovers`` are expressed.
    public var utcOffsetSeconds: Int = 0
    /// Stops forced at known times.
    public var scriptedStops: [ScriptedStop] = []

    // MARK: Counters

    /// Counters count `0 ... counterModulus − 1` and wrap to 0 (32767 → 0 by default, like a
    /// 16-bit counter).
    public var counterModulus: Int = 32_768
    /// Initial value of every counter; `nil` = a seeded random value per counter.
    public var counterStartValue: Int?

    /// Creates a configuration with the ``standard`` values.
    public init() {}

    /// A realistic 24 h pattern: micro-stops, faults, warnings, speed changes, three breaks and
    /// three changeovers a day.
    public static let standard = SimulatorConfiguration()

    /// No random stops, warnings or speed changes, no breaks or changeovers (rejects still
    /// happen). Add ``scriptedStops`` or windows to get exactly the events a test needs.
    public static let quiet: SimulatorConfiguration = {
        var configuration = SimulatorConfiguration()
        configuration.speedChanges = nil
        configuration.slicerMicroStops = nil
        configuration.baggerMicroStops = nil
        configuration.basketLoaderMicroStops = nil
        configuration.slicerFaults = nil
        configuration.baggerFaults = nil
        configuration.basketLoaderFaults = nil
        configuration.baggerWarnings = nil
        configuration.breaks = []
        configuration.changeovers = []
        return configuration
    }()

    /// The micro-stop profile of a machine.
    public func microStops(for machine: LineMachine) -> StopProfile? {
        switch machine {
        case .slicer: slicerMicroStops
        case .bagger: baggerMicroStops
        case .basketLoader: basketLoaderMicroStops
        }
    }

    /// The fault profile of a machine.
    public func faults(for machine: LineMachine) -> StopProfile? {
        switch machine {
        case .slicer: slicerFaults
        case .bagger: baggerFaults
        case .basketLoader: basketLoaderFaults
        }
    }
}

import Foundation

/// Rules that derive the machine state from bound tag values and active faults.
///
/// The first matching rule wins — **held > suspended > running > idle > stopped**:
/// 1. **held**: ``useActiveFaults`` and an active fault of kind ``FaultKind/fault``
///    with source ``FaultSource/internal``.
/// 2. **suspended**: ``starvedBit`` or ``blockedBit`` on, or (``useActiveFaults``)
///    an active fault or status with source upstream or downstream.
/// 3. **running**: at least one of ``runningBit`` / ``speedMetric`` is configured,
///    the running bit (if configured) is on, and the speed (if configured) is
///    strictly greater than ``runningSpeedThreshold``.
/// 4. **idle**: ``readyBit`` is not configured, or it is on.
/// 5. **stopped**: otherwise (``readyBit`` configured and off or not yet received).
///
/// Warnings never affect the state; nor do internal statuses. A bit is on when its
/// value is non-zero and not NaN; a missing value reads as off, a missing or NaN
/// speed as not running.
///
/// JSON: every key is optional (defaults: no bits, threshold 0, faults used,
/// production mode, no debounce), e.g.
/// `{"runningBit": "Auto", "speedMetric": "Speed", "runningSpeedThreshold": 10,
///   "minimumDuration": 5, "modeRules": {"manualBit": "Jog"}}`.
public struct DerivedStateRules: Sendable, Equatable, Hashable, Codable {
    /// Metric key of the auto-cycle / running bit.
    public var runningBit: String?
    /// Metric key of the machine speed.
    public var speedMetric: String?
    /// Speed must be strictly above this for running.
    public var runningSpeedThreshold: Double
    /// Metric key of a ready bit: when configured, off means stopped instead of idle.
    public var readyBit: String?
    /// Metric key of a starved bit (suspended).
    public var starvedBit: String?
    /// Metric key of a blocked bit (suspended).
    public var blockedBit: String?
    /// Whether active faults drive held / suspended.
    public var useActiveFaults: Bool
    /// How the mode is derived.
    public var modeRules: ModeRules
    /// Debounce in seconds: a new state must persist this long to start an interval.
    public var minimumDuration: TimeInterval

    /// Creates rules; see the type documentation for their meaning.
    public init(
        runningBit: String? = nil,
        speedMetric: String? = nil,
        runningSpeedThreshold: Double = 0,
        readyBit: String? = nil,
        starvedBit: String? = nil,
        blockedBit: String? = nil,
        useActiveFaults: Bool = true,
        modeRules: ModeRules = ModeRules(),
        minimumDuration: TimeInterval = 0
    ) {
        self.runningBit = runningBit
        self.speedMetric = speedMetric
        self.runningSpeedThreshold = runningSpeedThreshold
        self.readyBit = readyBit
        self.starvedBit = starvedBit
        self.blockedBit = blockedBit
        self.useActiveFaults = useActiveFaults
        self.modeRules = modeRules
        self.minimumDuration = minimumDuration
    }

    /// Decodes, treating every missing key as its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            runningBit: try container.decodeIfPresent(String.self, forKey: .runningBit),
            speedMetric: try container.decodeIfPresent(String.self, forKey: .speedMetric),
            runningSpeedThreshold: try container.decodeIfPresent(Double.self, forKey: .runningSpeedThreshold) ?? 0,
            readyBit: try container.decodeIfPresent(String.self, forKey: .readyBit),
            starvedBit: try container.decodeIfPresent(String.self, forKey: .starvedBit),
            blockedBit: try container.decodeIfPresent(String.self, forKey: .blockedBit),
            useActiveFaults: try container.decodeIfPresent(Bool.self, forKey: .useActiveFaults) ?? true,
            modeRules: try container.decodeIfPresent(ModeRules.self, forKey: .modeRules) ?? ModeRules(),
            minimumDuration: try container.decodeIfPresent(TimeInterval.self, forKey: .minimumDuration) ?? 0
        )
    }

    /// The metric keys these rules read, mode rules included.
    public var metricKeys: Set<String> {
        Set([runningBit, speedMetric, readyBit, starvedBit, blockedBit].compactMap { $0 }).union(modeRules.metricKeys)
    }

    /// The state for the given last values and active faults (mode not included).
    public func state(values: [String: Double], activeFaults: [ActiveFault]) -> MachineState {
        if useActiveFaults, activeFaults.contains(where: Self.holds) { return .held }
        if values.isOn(starvedBit) || values.isOn(blockedBit) { return .suspended }
        if useActiveFaults, activeFaults.contains(where: Self.suspends) { return .suspended }
        if isRunning(values) { return .running }
        if readyBit == nil || values.isOn(readyBit) { return .idle }
        return .stopped
    }

    private func isRunning(_ values: [String: Double]) -> Bool {
        guard runningBit != nil || speedMetric != nil else { return false }
        if runningBit != nil && !values.isOn(runningBit) { return false }
        if let speedMetric {
            guard let speed = values[speedMetric], speed > runningSpeedThreshold else { return false }
        }
        return true
    }

    private static func holds(_ fault: ActiveFault) -> Bool {
        fault.definition.kind == .fault && fault.definition.source == .internal
    }

    private static func suspends(_ fault: ActiveFault) -> Bool {
        fault.definition.kind != .warning && fault.definition.source != .internal
    }
}

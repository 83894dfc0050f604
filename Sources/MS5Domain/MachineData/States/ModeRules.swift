/// How the operating mode is derived from bound tag values.
///
/// Precedence: a mapped value of ``modeMetric`` > ``maintenanceBit`` on >
/// ``manualBit`` on > ``MachineMode/production``. A bit is on when its value is
/// non-zero (and not NaN); missing values read as off.
///
/// JSON: every key is optional, e.g. `{"manualBit": "Jog", "maintenanceBit": "Maint"}`
/// or `{"modeMetric": "UnitMode", "modeMapping": {"1": "production", "3": "manual"}}`.
public struct ModeRules: Sendable, Equatable, Hashable, Codable {
    /// Metric key of a bit that means manual mode.
    public var manualBit: String?
    /// Metric key of a bit that means maintenance mode.
    public var maintenanceBit: String?
    /// Metric key of an integer mode tag (e.g. PackML UnitMode).
    public var modeMetric: String?
    /// Integer value of ``modeMetric`` → mode. Unmapped values fall through to the bits.
    public var modeMapping: [Int: MachineMode]

    /// Creates mode rules; with no arguments the mode is always production.
    public init(
        manualBit: String? = nil,
        maintenanceBit: String? = nil,
        modeMetric: String? = nil,
        modeMapping: [Int: MachineMode] = [:]
    ) {
        self.manualBit = manualBit
        self.maintenanceBit = maintenanceBit
        self.modeMetric = modeMetric
        self.modeMapping = modeMapping
    }

    /// Decodes, treating every missing key as its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            manualBit: try container.decodeIfPresent(String.self, forKey: .manualBit),
            maintenanceBit: try container.decodeIfPresent(String.self, forKey: .maintenanceBit),
            modeMetric: try container.decodeIfPresent(String.self, forKey: .modeMetric),
            modeMapping: try container.decodeIfPresent([Int: MachineMode].self, forKey: .modeMapping) ?? [:]
        )
    }

    /// The metric keys these rules read.
    public var metricKeys: Set<String> {
        Set([manualBit, maintenanceBit, modeMetric].compactMap { $0 })
    }

    /// The mode for the given last values.
    public func mode(values: [String: Double]) -> MachineMode {
        if let raw = values.integer(modeMetric), let mapped = modeMapping[raw] {
            return mapped
        }
        if values.isOn(maintenanceBit) { return .maintenance }
        if values.isOn(manualBit) { return .manual }
        return .production
    }
}

import Foundation

/// Rules that read the machine state directly from an integer PLC state tag.
///
/// The value of ``metric`` is looked up in ``mapping``; a value that is missing, not
/// an exact integer (e.g. 2.5, NaN), or not in the mapping gives ``defaultState``.
/// Active faults are not used. The mode comes from ``modeRules``.
///
/// JSON: `metric` and `mapping` are required, the rest optional (defaults: stopped,
/// production mode, no debounce), e.g.
/// `{"metric": "StateCurrent", "mapping": {"6": "running", "11": "held"},
///   "defaultState": "idle", "minimumDuration": 2}`.
public struct StateTagRules: Sendable, Equatable, Hashable, Codable {
    /// Metric key of the integer state tag.
    public var metric: String
    /// Integer tag value → state.
    public var mapping: [Int: MachineState]
    /// State for missing, non-integer or unmapped values.
    public var defaultState: MachineState
    /// How the mode is derived.
    public var modeRules: ModeRules
    /// Debounce in seconds: a new state must persist this long to start an interval.
    public var minimumDuration: TimeInterval

    /// Creates state-tag rules.
    public init(
        metric: String,
        mapping: [Int: MachineState],
        defaultState: MachineState = .stopped,
        modeRules: ModeRules = ModeRules(),
        minimumDuration: TimeInterval = 0
    ) {
        self.metric = metric
        self.mapping = mapping
        self.defaultState = defaultState
        self.modeRules = modeRules
        self.minimumDuration = minimumDuration
    }

    /// Decodes; `metric` and `mapping` are required, the other keys default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            metric: try container.decode(String.self, forKey: .metric),
            mapping: try container.decode([Int: MachineState].self, forKey: .mapping),
            defaultState: try container.decodeIfPresent(MachineState.self, forKey: .defaultState) ?? .stopped,
            modeRules: try container.decodeIfPresent(ModeRules.self, forKey: .modeRules) ?? ModeRules(),
            minimumDuration: try container.decodeIfPresent(TimeInterval.self, forKey: .minimumDuration) ?? 0
        )
    }

    /// The metric keys these rules read: the state tag and those of the mode rules.
    public var metricKeys: Set<String> {
        modeRules.metricKeys.union([metric])
    }

    /// The state for the given last values.
    public func state(values: [String: Double]) -> MachineState {
        guard let raw = values.integer(metric), let mapped = mapping[raw] else { return defaultState }
        return mapped
    }
}

import Foundation

/// Configuration of how one equipment's machine state is determined.
///
/// - ``fromStateTag(_:)``: read from an integer PLC state tag (``StateTagRules``).
/// - ``derived(_:)``: derived from bits, speed and active faults
///   (``DerivedStateRules``, which documents the precedence
///   held > suspended > running > idle > stopped).
///
/// JSON: the rule fields flattened next to a `"type"` key, e.g.
/// `{"type": "derived", "runningBit": "Auto", "minimumDuration": 5}` or
/// `{"type": "fromStateTag", "metric": "State", "mapping": {"6": "running"}}`.
public enum StateRules: Sendable, Equatable, Hashable, Codable {
    /// State read from an integer PLC state tag.
    case fromStateTag(StateTagRules)
    /// State derived from bound tag values and active faults.
    case derived(DerivedStateRules)

    /// Convenience for `.fromStateTag(StateTagRules(...))`.
    public static func fromStateTag(
        metric: String,
        mapping: [Int: MachineState],
        default defaultState: MachineState,
        modeRules: ModeRules = ModeRules(),
        minimumDuration: TimeInterval = 0
    ) -> StateRules {
        .fromStateTag(
            StateTagRules(
                metric: metric, mapping: mapping, defaultState: defaultState,
                modeRules: modeRules, minimumDuration: minimumDuration))
    }

    /// The debounce in seconds. Values that are NaN, infinite or negative count as 0.
    public var minimumDuration: TimeInterval {
        let raw: TimeInterval
        switch self {
        case .fromStateTag(let rules): raw = rules.minimumDuration
        case .derived(let rules): raw = rules.minimumDuration
        }
        return raw.isFinite && raw > 0 ? raw : 0
    }

    /// The mode rules of either case.
    public var modeRules: ModeRules {
        switch self {
        case .fromStateTag(let rules): rules.modeRules
        case .derived(let rules): rules.modeRules
        }
    }

    /// The metric keys the rules read; other metrics cannot change the condition.
    public var metricKeys: Set<String> {
        switch self {
        case .fromStateTag(let rules): rules.metricKeys
        case .derived(let rules): rules.metricKeys
        }
    }

    /// The state and mode for the given last values and active faults.
    public func evaluate(values: [String: Double], activeFaults: [ActiveFault]) -> MachineCondition {
        let state: MachineState
        switch self {
        case .fromStateTag(let rules): state = rules.state(values: values)
        case .derived(let rules): state = rules.state(values: values, activeFaults: activeFaults)
        }
        return MachineCondition(state: state, mode: modeRules.mode(values: values))
    }

    private enum TypeKey: String, CodingKey {
        case type
    }

    private enum RuleType: String, Codable {
        case fromStateTag
        case derived
    }

    /// Decodes the flattened form with a `"type"` key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        switch try container.decode(RuleType.self, forKey: .type) {
        case .fromStateTag: self = .fromStateTag(try StateTagRules(from: decoder))
        case .derived: self = .derived(try DerivedStateRules(from: decoder))
        }
    }

    /// Encodes the flattened form with a `"type"` key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        switch self {
        case .fromStateTag(let rules):
            try container.encode(RuleType.fromStateTag, forKey: .type)
            try rules.encode(to: encoder)
        case .derived(let rules):
            try container.encode(RuleType.derived, forKey: .type)
            try rules.encode(to: encoder)
        }
    }
}

/// One question of a checklist: passed or failed, or a measured value with its limits.
public struct ChecklistItem: Codable, Sendable, Equatable {
    /// What kind of answer the item takes.
    public enum Kind: String, ClosedSet, Equatable {
        /// The operator marks it passed or failed.
        case passFail
        /// The operator enters a number; it passes within `minimum`…`maximum`.
        case value
    }

    /// Stable short name within the template, e.g. `guard-closed`.
    public var key: String
    /// The question as the operator reads it.
    public var text: String
    public var kind: Kind
    /// The unit of a value item, e.g. `bar`.
    public var unit: String?
    /// The lowest value that passes (value items).
    public var minimum: Double?
    /// The highest value that passes (value items).
    public var maximum: Double?

    /// Creates an item.
    public init(key: String, text: String, kind: Kind, unit: String? = nil, minimum: Double? = nil, maximum: Double? = nil) {
        self.key = key
        self.text = text
        self.kind = kind
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether `value` lies within the item's limits (a missing limit does not restrict).
    public func accepts(_ value: Double) -> Bool {
        value >= (minimum ?? -Double.infinity) && value <= (maximum ?? Double.infinity)
    }
}

/// The middle level of the reason tree: a group of reasons sharing a planning
/// level and a loss kind, e.g. "Mechanical" (unplanned, breakdown).
public struct StopReasonCategory: Sendable, Equatable, Hashable, Codable {
    /// Unique code, e.g. "MECH".
    public var code: String
    /// Text shown to operators.
    public var name: String
    /// Planned or unplanned.
    public var planning: StopPlanning
    /// How its stops count in the six big losses.
    public var loss: StopLossKind
    /// The reasons in this category.
    public var reasons: [StopReason]

    /// Creates a category.
    public init(code: String, name: String, planning: StopPlanning, loss: StopLossKind, reasons: [StopReason]) {
        self.code = code
        self.name = name
        self.planning = planning
        self.loss = loss
        self.reasons = reasons
    }
}

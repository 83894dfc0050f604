/// The operator's answer to one item.
public struct ChecklistAnswer: Codable, Sendable, Equatable {
    /// The item's key.
    public var key: String
    /// For pass/fail items: whether it passed.
    public var passed: Bool?
    /// For value items: the measured value.
    public var value: Double?
    /// What the operator noticed, e.g. why an item failed.
    public var note: String?

    /// Creates an answer.
    public init(key: String, passed: Bool? = nil, value: Double? = nil, note: String? = nil) {
        self.key = key
        self.passed = passed
        self.value = value
        self.note = note
    }
}

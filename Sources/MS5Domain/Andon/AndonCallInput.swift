import Foundation

/// What someone on the floor sends to raise an Andon call.
public struct AndonCallInput: Codable, Sendable, Equatable {
    public var lineId: UUID
    public var equipmentId: UUID?
    public var category: AndonCategory
    public var priority: AndonPriority
    public var text: String

    /// The longest text a call carries.
    public static let maximumText = 500

    /// Creates the input.
    public init(lineId: UUID, equipmentId: UUID? = nil, category: AndonCategory, priority: AndonPriority, text: String) {
        self.lineId = lineId
        self.equipmentId = equipmentId
        self.category = category
        self.priority = priority
        self.text = text
    }

    /// Checks the fields that need no database: a text of at most 500 characters (it may be empty:
    /// two taps raise a call).
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(text.count <= Self.maximumText, "text", "must be at most \(Self.maximumText) characters")
        try v.finish()
    }
}

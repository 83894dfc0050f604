import Foundation

/// A product (SKU) a line makes, with the ideal cycle time its performance is measured against.
public struct Product: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Short code, unique across the installation (`WHT-800`).
    public var code: String
    public var name: String
    /// Seconds per piece at the rated speed of the constraint equipment (ISO 22400 planned
    /// run time per item).
    public var idealCycleSeconds: Double
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a product record.
    public init(id: UUID, code: String, name: String, idealCycleSeconds: Double, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.code = code
        self.name = name
        self.idealCycleSeconds = idealCycleSeconds
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a client sends to create or replace a product.
public struct ProductInput: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var idealCycleSeconds: Double

    /// Creates the input for a product.
    public init(code: String, name: String, idealCycleSeconds: Double) {
        self.code = code
        self.name = name
        self.idealCycleSeconds = idealCycleSeconds
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(code)
        v.text(name, "name", maxLength: PlantLimits.name)
        v.check(idealCycleSeconds.isFinite && idealCycleSeconds > 0 && idealCycleSeconds <= 86_400,
                "idealCycleSeconds", "must be more than 0 and at most 86400 seconds per piece")
        try v.finish()
    }
}

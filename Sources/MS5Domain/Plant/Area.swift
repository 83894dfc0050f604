import Foundation

/// A part of a site that groups lines (ISA-95 area).
public struct Area: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var siteId: UUID
    /// Short code, unique within the site.
    public var code: String
    public var name: String
    public var description: String?
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates an area record.
    public init(
        id: UUID, siteId: UUID, code: String, name: String, description: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.siteId = siteId
        self.code = code
        self.name = name
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a client sends to create or replace an area.
public struct AreaInput: Codable, Sendable, Equatable {
    public var siteId: UUID
    public var code: String
    public var name: String
    public var description: String?

    /// Creates the input for an area.
    public init(siteId: UUID, code: String, name: String, description: String? = nil) {
        self.siteId = siteId
        self.code = code
        self.name = name
        self.description = description
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(code)
        v.text(name, "name", maxLength: PlantLimits.name)
        v.optionalText(description, "description", maxLength: PlantLimits.description)
        try v.finish()
    }
}

import Foundation

/// A production line (ISA-95 work centre) in an area.
public struct Line: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// The site, taken from the area: every floor record carries it.
    public var siteId: UUID
    public var areaId: UUID
    /// Short code, unique within the site.
    public var code: String
    public var name: String
    public var description: String?
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a line record.
    public init(
        id: UUID, siteId: UUID, areaId: UUID, code: String, name: String, description: String?,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.siteId = siteId
        self.areaId = areaId
        self.code = code
        self.name = name
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a client sends to create or replace a line.
public struct LineInput: Codable, Sendable, Equatable {
    public var areaId: UUID
    public var code: String
    public var name: String
    public var description: String?

    /// Creates the input for a line.
    public init(areaId: UUID, code: String, name: String, description: String? = nil) {
        self.areaId = areaId
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

import Foundation

/// A machine on a line (ISA-95 work unit): a slicer, a bagger, a basket loader.
public struct Equipment: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// The site, taken from the line: equipment codes are unique per site.
    public var siteId: UUID
    public var lineId: UUID
    /// Short code, unique within the site (`SLC1`).
    public var code: String
    public var name: String
    /// What kind of machine this is (`slicer`, `bagger`), free text.
    public var type: String
    /// How much a stop of this machine hurts, 1 (low) to 5 (critical).
    public var criticality: Int
    public var description: String?
    /// The team that owns the machine (for example its maintenance crew).
    public var owningTeam: String?
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates an equipment record.
    public init(
        id: UUID, siteId: UUID, lineId: UUID, code: String, name: String, type: String, criticality: Int,
        description: String?, owningTeam: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.siteId = siteId
        self.lineId = lineId
        self.code = code
        self.name = name
        self.type = type
        self.criticality = criticality
        self.description = description
        self.owningTeam = owningTeam
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a client sends to create or replace equipment.
public struct EquipmentInput: Codable, Sendable, Equatable {
    public var lineId: UUID
    public var code: String
    public var name: String
    public var type: String
    public var criticality: Int
    public var description: String?
    public var owningTeam: String?

    /// Creates the input for equipment.
    public init(
        lineId: UUID, code: String, name: String, type: String, criticality: Int,
        description: String? = nil, owningTeam: String? = nil
    ) {
        self.lineId = lineId
        self.code = code
        self.name = name
        self.type = type
        self.criticality = criticality
        self.description = description
        self.owningTeam = owningTeam
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(code)
        v.text(name, "name", maxLength: PlantLimits.name)
        v.text(type, "type", maxLength: PlantLimits.label)
        v.check(PlantLimits.criticality.contains(criticality), "criticality", "must be from 1 (low) to 5 (critical)")
        v.optionalText(description, "description", maxLength: PlantLimits.description)
        v.optionalText(owningTeam, "owningTeam", maxLength: PlantLimits.label)
        try v.finish()
    }
}

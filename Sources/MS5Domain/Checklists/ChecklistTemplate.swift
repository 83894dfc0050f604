import Foundation

/// A pre-start checklist: the items an operator goes through before running the equipment it
/// applies to.
public struct ChecklistTemplate: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// Unique short name, e.g. `SLC-PRESTART`.
    public var code: String
    public var name: String
    /// The equipment the checklist applies to.
    public var equipmentIds: [UUID]
    public var items: [ChecklistItem]
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a template record.
    public init(id: UUID, code: String, name: String, equipmentIds: [UUID], items: [ChecklistItem], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.code = code
        self.name = name
        self.equipmentIds = equipmentIds
        self.items = items
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

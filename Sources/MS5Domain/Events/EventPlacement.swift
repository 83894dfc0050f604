import Foundation

/// Where in the plant an event happened: its site, and its line and equipment when it has them.
/// Events are scoped by site exactly as records are, and filtered by line and equipment.
public struct EventPlacement: Sendable, Equatable, Hashable, Codable {
    public var siteId: UUID
    public var lineId: UUID?
    public var equipmentId: UUID?

    /// Creates a placement.
    public init(siteId: UUID, lineId: UUID? = nil, equipmentId: UUID? = nil) {
        self.siteId = siteId
        self.lineId = lineId
        self.equipmentId = equipmentId
    }
}

import Foundation

/// Which events a reader asks for: of some types, happened within a range, of some sites, lines
/// or equipment. Empty or nil parts ask for everything.
public struct EventFilter: Sendable, Equatable {
    /// Only these types; all when empty.
    public var types: Set<EventType>
    /// Only events that happened at or after this time.
    public var from: Date?
    /// Only events that happened before this time.
    public var to: Date?
    /// Only events of these sites; every site when nil.
    public var siteIds: Set<UUID>?
    public var lineId: UUID?
    public var equipmentId: UUID?

    /// Creates a filter.
    public init(
        types: Set<EventType> = [], from: Date? = nil, to: Date? = nil, siteIds: Set<UUID>? = nil, lineId: UUID? = nil,
        equipmentId: UUID? = nil
    ) {
        self.types = types
        self.from = from
        self.to = to
        self.siteIds = siteIds
        self.lineId = lineId
        self.equipmentId = equipmentId
    }

    /// Whether `event` passes the filter.
    public func matches(_ event: CanonicalEvent) -> Bool {
        (types.isEmpty || types.contains(event.type))
            && from.map { event.time >= $0 } ?? true
            && to.map { event.time < $0 } ?? true
            && siteIds.map { $0.contains(event.placement.siteId) } ?? true
            && lineId.map { event.placement.lineId == $0 } ?? true
            && equipmentId.map { event.placement.equipmentId == $0 } ?? true
    }
}

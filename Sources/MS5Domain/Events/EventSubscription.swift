import Foundation

/// A webhook endpoint subscribed to some types of events, of every site or of one: each event of
/// those types is POSTed to the endpoint, signed, in outbox order, at least once.
public struct EventSubscription: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// What administrators call it.
    public var name: String
    /// The registered webhook endpoint the events go to.
    public var endpointId: UUID
    /// The types delivered, in name order.
    public var types: [EventType]
    /// Only this site's events; every site's when nil.
    public var siteId: UUID?
    /// Whether events are delivered; a disabled subscription keeps its place and resumes there.
    public var enabled: Bool
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a subscription record; `types` are kept in name order.
    public init(
        id: UUID, name: String, endpointId: UUID, types: some Sequence<EventType>, siteId: UUID?, enabled: Bool, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.endpointId = endpointId
        self.types = Set(types).sorted { $0.rawValue < $1.rawValue }
        self.siteId = siteId
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The name of the outbox consumer that delivers it: `webhook:<id>`.
    public var consumer: String { Self.consumer(of: id) }

    /// The name of the outbox consumer of the subscription `id`.
    public static func consumer(of id: UUID) -> String { "webhook:\(id.uuidString.lowercased())" }

    /// The events it delivers.
    public var filter: EventFilter {
        EventFilter(types: Set(types), siteIds: siteId.map { [$0] })
    }
}

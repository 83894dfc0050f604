import Foundation

/// What an administrator sends to subscribe a webhook endpoint to event types.
public struct EventSubscriptionInput: Codable, Sendable, Equatable {
    public var name: String
    /// A registered webhook endpoint.
    public var endpointId: UUID
    /// At least one event type of the catalogue (`/v1/events/schemas`).
    public var types: [EventType]
    /// Only this site's events; every site's when nil.
    public var siteId: UUID?
    public var enabled: Bool

    /// Creates the input.
    public init(name: String, endpointId: UUID, types: [EventType], siteId: UUID? = nil, enabled: Bool = true) {
        self.name = name
        self.endpointId = endpointId
        self.types = types
        self.siteId = siteId
        self.enabled = enabled
    }

    /// Checks the fields: a name, and at least one type. (Unknown types are refused when the
    /// body is decoded, naming the entry.)
    public func validate() throws(DomainError) {
        var v = Validator()
        v.text(name, "name", maxLength: PlantLimits.name)
        v.check(!types.isEmpty, "types", "must name at least one event type")
        try v.finish()
    }
}

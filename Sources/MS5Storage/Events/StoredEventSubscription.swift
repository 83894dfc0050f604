import Foundation
import MS5Domain

/// A row of `event_subscriptions`: a subscription with its types as one text of names
/// separated by spaces.
struct StoredEventSubscription: StoredRecord {
    let id: UUID
    var name: String
    var endpointId: UUID
    var types: String
    var siteId: UUID?
    var enabled: Bool
    let createdAt: Date
    var updatedAt: Date

    var sortKey: String { name }

    /// The row of `subscription`.
    init(_ subscription: EventSubscription) {
        id = subscription.id
        name = subscription.name
        endpointId = subscription.endpointId
        types = subscription.types.map(\.rawValue).joined(separator: " ")
        siteId = subscription.siteId
        enabled = subscription.enabled
        createdAt = subscription.createdAt
        updatedAt = subscription.updatedAt
    }

    /// The subscription the row holds; a type this ms5 no longer knows is left out.
    var subscription: EventSubscription {
        EventSubscription(
            id: id, name: name, endpointId: endpointId, types: types.split(separator: " ").compactMap { EventType(rawValue: String($0)) },
            siteId: siteId, enabled: enabled, createdAt: createdAt, updatedAt: updatedAt)
    }
}

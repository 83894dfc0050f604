import Foundation

/// Where escalations are POSTed as signed JSON. The secret signs each body and is never shown
/// back once set.
public struct WebhookEndpoint: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var name: String
    public var url: String
    public var enabled: Bool
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates an endpoint record.
    public init(id: UUID, name: String, url: String, enabled: Bool, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.name = name
        self.url = url
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

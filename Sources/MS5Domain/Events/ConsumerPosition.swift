import Foundation

/// Where an outbox consumer stands, as stored: how far it has read and which instance runs it.
public struct ConsumerPosition: Sendable, Equatable, Codable {
    /// The consumer's name (`kafka`, `production-stops`).
    public var name: String
    /// The last position it has handled.
    public var position: Int64
    /// The instance holding its lease, nil when none does.
    public var holder: String?
    /// When that lease runs out unless renewed.
    public var leaseUntil: Date?
    /// When the position or lease last moved.
    public var updatedAt: Date

    /// Creates a consumer's standing.
    public init(name: String, position: Int64, holder: String?, leaseUntil: Date?, updatedAt: Date) {
        self.name = name
        self.position = position
        self.holder = holder
        self.leaseUntil = leaseUntil
        self.updatedAt = updatedAt
    }
}

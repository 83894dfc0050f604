import Foundation

/// A shared floor tablet an administrator registered: operators sign in on it with badge and PIN.
/// Its token is shown once at registration and kept only as a hash; this type does not carry it.
public struct Device: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// What people call the tablet (`Line 1 packing tablet`).
    public var name: String
    /// The site the tablet stands at, when it belongs to one.
    public var siteId: UUID?
    public let createdAt: Date
    /// When someone last signed in on the tablet by badge.
    public var lastSignInAt: Date?
    /// When an administrator revoked the tablet; its token no longer works from then on.
    public var revokedAt: Date?

    /// Creates a device record.
    public init(id: UUID, name: String, siteId: UUID?, createdAt: Date, lastSignInAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.siteId = siteId
        self.createdAt = createdAt
        self.lastSignInAt = lastSignInAt
        self.revokedAt = revokedAt
    }
}

import Foundation

/// The badge of an account, for signing in on a shared tablet with badge number and PIN. The PIN
/// hash never leaves storage: this type does not carry it.
public struct Badge: Codable, Sendable, Equatable {
    /// The account the badge signs in.
    public let userId: UUID
    /// The number printed on (or read from) the badge, unique across accounts.
    public var badge: String
    /// Until when wrong PINs lock the badge; nil when it is not locked.
    public var lockedUntil: Date?
    /// When the badge number or PIN last changed.
    public var updatedAt: Date

    /// Creates a badge record.
    public init(userId: UUID, badge: String, lockedUntil: Date? = nil, updatedAt: Date) {
        self.userId = userId
        self.badge = badge
        self.lockedUntil = lockedUntil
        self.updatedAt = updatedAt
    }
}

import Foundation
import MS5Domain

/// A session that is neither revoked nor expired, of an enabled account.
public struct LiveSession: Sendable, Equatable {
    public let id: UUID
    public let user: User
    /// When the session was last used (a request or a refresh).
    public let lastSeenAt: Date
    /// When the session ends however active it is.
    public let expiresAt: Date
}

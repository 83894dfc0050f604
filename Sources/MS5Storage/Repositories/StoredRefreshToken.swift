import Foundation

/// What the database holds about a presented refresh token and the session it belongs to.
public struct StoredRefreshToken: Sendable, Equatable {
    /// Whether the token may still be exchanged.
    public enum State: String, Sendable, Equatable {
        /// The newest token of its session, not yet used.
        case active
        /// Already exchanged for a newer one.
        case rotated
    }

    public let sessionId: UUID
    public let state: State
    /// When the session was last used (a request or a refresh).
    public let lastSeenAt: Date
    /// When the session ends however active it is; every refresh token of it ends then.
    public let expiresAt: Date
    /// When the session was revoked; nil while it is not.
    public let revokedAt: Date?
}

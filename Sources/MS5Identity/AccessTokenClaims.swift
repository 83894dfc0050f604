import Foundation

/// What one of the server's own access tokens says, once verified.
public struct AccessTokenClaims: Sendable, Hashable {
    /// `sub`: the user id.
    public var subject: String
    /// `sid`: the login session the token belongs to, so it dies with the session.
    public var sessionID: String
    /// `roles`: the role names granted.
    public var roles: [String]
    /// `iat`: when the token was issued (whole seconds).
    public var issuedAt: Date
    /// `exp`: when the token stops being accepted (whole seconds).
    public var expiresAt: Date
    /// `jti`: the token's unique identifier.
    public var tokenID: String

    /// Makes the claims from their values.
    public init(subject: String, sessionID: String, roles: [String], issuedAt: Date, expiresAt: Date, tokenID: String) {
        self.subject = subject
        self.sessionID = sessionID
        self.roles = roles
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.tokenID = tokenID
    }
}

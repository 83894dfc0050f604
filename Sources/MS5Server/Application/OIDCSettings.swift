import Foundation
import MS5Domain

/// The OpenID provider whose access tokens ms5 accepts as bearer tokens, and how its claims map
/// to ms5 accounts.
public struct OIDCSettings: Sendable {
    /// The issuer, compared exactly with the discovery document and every token's `iss`.
    public var issuer: URL
    /// The client id every token's `aud` must contain.
    public var audience: String
    /// Dotted path of the claim listing the user's provider roles or groups.
    public var rolesClaim = "roles"
    /// The ms5 role of each provider role or group; a user with none of them is refused (403).
    public var roleMap: [String: Role] = [:]
    /// Dotted path of the claim listing site codes, when the provider sends one.
    public var sitesClaim: String?
    /// The claim read as the username (`sub` when missing).
    public var usernameClaim = "preferred_username"
    /// Where the provider sends the browser back (`…/v1/auth/oidc/callback` as the provider knows
    /// ms5); nil turns the browser sign-in off.
    public var redirectURI: URL?
    /// The client secret of a confidential client; nil for a public client (PKCE alone).
    public var clientSecret: String?
    /// The least time between two fetches of the provider's keys (when a token names an unknown key).
    public var keyRefetchInterval: TimeInterval = 60

    /// Settings for `issuer` and `audience`, with the default claims.
    public init(issuer: URL, audience: String) {
        self.issuer = issuer
        self.audience = audience
    }
}

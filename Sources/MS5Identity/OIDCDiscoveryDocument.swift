import Foundation

/// The members of an OpenID Provider's configuration document (OpenID Connect Discovery 1.0 §3)
/// that this library uses.
public struct OIDCDiscoveryDocument: Sendable, Hashable, Decodable {
    /// `issuer`: must equal the issuer the document was fetched for.
    public var issuer: String
    /// `authorization_endpoint`: where the browser is sent to log in.
    public var authorizationEndpoint: URL
    /// `token_endpoint`: where an authorization code is exchanged for tokens.
    public var tokenEndpoint: URL
    /// `jwks_uri`: where the provider's signing keys are published.
    public var jwksURI: URL

    /// Makes a document from its members.
    public init(issuer: String, authorizationEndpoint: URL, tokenEndpoint: URL, jwksURI: URL) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
    }

    private enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
    }
}

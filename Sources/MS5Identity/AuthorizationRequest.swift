import Foundation

/// One login attempt of the authorization code flow with PKCE: what goes into the authorize URL
/// and what must be kept (in the user's session) until the browser comes back.
public struct AuthorizationRequest: Sendable, Hashable {
    /// The scope requested.
    public static let scope = "openid profile email"

    /// The client id registered with the provider.
    public let clientID: String
    /// Where the provider sends the browser back with `code` and `state`.
    public let redirectURI: URL
    /// Random value echoed back by the provider; compare it to refuse forged callbacks.
    public let state: String
    /// Random value the ID token must carry in its `nonce` claim.
    public let nonce: String
    /// The PKCE pair; its verifier goes to the token exchange.
    public let pkce: PKCE

    /// Makes a request with fresh random `state` and `nonce` (32 bytes each) and a fresh PKCE pair,
    /// unless given.
    public init(
        clientID: String, redirectURI: URL,
        state: String? = nil, nonce: String? = nil, pkce: PKCE = PKCE()
    ) {
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.state = state ?? Base64URL.encode(SecureRandom.bytes(32))
        self.nonce = nonce ?? Base64URL.encode(SecureRandom.bytes(32))
        self.pkce = pkce
    }

    /// The URL to send the browser to: the document's `authorization_endpoint` with
    /// `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, `nonce`,
    /// `code_challenge` and `code_challenge_method=S256` added to its query.
    public func url(for document: OIDCDiscoveryDocument) -> URL {
        let parameters = [
            ("response_type", "code"),
            ("client_id", clientID),
            ("redirect_uri", redirectURI.absoluteString),
            ("scope", Self.scope),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", pkce.challenge),
            ("code_challenge_method", PKCE.method),
        ]
        let added = parameters.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
        var components = URLComponents(url: document.authorizationEndpoint, resolvingAgainstBaseURL: false)!
        let existing = components.percentEncodedQuery.map { [$0] } ?? []
        components.percentEncodedQuery = (existing + added).joined(separator: "&")
        return components.url!
    }
}

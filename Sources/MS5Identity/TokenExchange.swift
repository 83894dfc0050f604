import Foundation
import MS5JSON

/// The back-channel step of the authorization code flow: trades the code and the PKCE verifier
/// at the provider's `token_endpoint` for an ID token, then verifies it and its nonce.
public struct TokenExchange: Sendable {
    /// The client id registered with the provider.
    public let clientID: String
    /// The client secret for confidential clients; nil for public clients using PKCE alone.
    public let clientSecret: String?
    /// The same redirect URI that was sent in the authorization request.
    public let redirectURI: URL
    private let fetcher: any HTTPFetching
    private let verifier: OIDCTokenVerifier

    /// Makes an exchange for one client of the provider `verifier` trusts.
    public init(
        clientID: String, clientSecret: String? = nil, redirectURI: URL,
        fetcher: any HTTPFetching, verifier: OIDCTokenVerifier
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.fetcher = fetcher
        self.verifier = verifier
    }

    /// Posts `grant_type=authorization_code` with `code`, `redirect_uri`, `client_id` and
    /// `code_verifier` (and `client_secret` when set), then verifies the returned `id_token`
    /// and requires its `nonce` to equal `expectedNonce`.
    public func exchange(code: String, codeVerifier: String, expectedNonce: String) async throws -> VerifiedIDToken {
        let tokenEndpoint = try await verifier.discoveryDocument().tokenEndpoint
        var fields = [
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirectURI.absoluteString,
            "client_id": clientID,
            "code_verifier": codeVerifier,
        ]
        if let clientSecret { fields["client_secret"] = clientSecret }
        let (status, body) = try await fetcher.postForm(tokenEndpoint, fields)
        guard status == 200 else { throw OIDCError.unexpectedStatus(url: tokenEndpoint, status: status) }
        guard case .object(let response)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw OIDCError.invalidDocument("token response")
        }
        guard case .string(let idToken)? = response["id_token"] else { throw OIDCError.missingIDToken }
        let claims = try await verifier.verify(idToken)
        guard let nonce = claims.nonce, ConstantTime.equals(Array(nonce.utf8), Array(expectedNonce.utf8)) else {
            throw OIDCError.nonceMismatch
        }
        return VerifiedIDToken(rawToken: idToken, claims: claims)
    }
}

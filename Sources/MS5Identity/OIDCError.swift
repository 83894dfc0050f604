import Foundation

/// Why an exchange with an OpenID Provider failed (token-level refusals are ``JWTError``).
public enum OIDCError: Error, Equatable, Sendable {
    /// The provider answered `url` with a status other than 200.
    case unexpectedStatus(url: URL, status: Int)
    /// A document from the provider could not be read; carries which one.
    case invalidDocument(String)
    /// The discovery document names another issuer than the one configured.
    case issuerMismatch(expected: String, found: String)
    /// The token endpoint answered without an `id_token`.
    case missingIDToken
    /// The ID token's `nonce` is not the one sent with the authorization request.
    case nonceMismatch
}

import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636) with the S256 method.
public struct PKCE: Sendable, Hashable {
    /// Why a code verifier was refused.
    public enum VerifierError: Error, Equatable, Sendable {
        /// The verifier is not 43–128 characters of `A–Z a–z 0–9 - . _ ~` (RFC 7636 §4.1).
        case invalidVerifier
    }

    /// The secret kept by the client and sent to the token endpoint.
    public let verifier: String
    /// `BASE64URL(SHA256(ASCII(verifier)))`, sent with the authorization request.
    public let challenge: String
    /// The `code_challenge_method` value: always `S256`.
    public static let method = "S256"

    /// A fresh pair: the verifier is 32 random bytes in base64url (43 characters).
    public init() {
        let verifier = Base64URL.encode(SecureRandom.bytes(32))
        self.verifier = verifier
        challenge = Self.challenge(for: verifier)
    }

    /// A pair for a given verifier; throws when it breaks the RFC 7636 length or alphabet.
    public init(verifier: String) throws(VerifierError) {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        guard (43...128).contains(verifier.count), verifier.allSatisfy(allowed.contains) else {
            throw .invalidVerifier
        }
        self.verifier = verifier
        challenge = Self.challenge(for: verifier)
    }

    /// The S256 challenge of a verifier.
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }
}

/// Why a JSON Web Token was refused.
public enum JWTError: Error, Equatable, Sendable {
    /// The token is not three dot-separated base64url parts.
    case malformed
    /// The header or payload is not a JSON object.
    case invalidJSON
    /// A claim or header member has the wrong JSON type; carries its name.
    case invalidMember(String)
    /// The `alg` in the header is not one this verifier accepts; carries the algorithm named.
    case unsupportedAlgorithm(String)
    /// No key with the token's `kid` is known (nil when the token names none).
    case unknownKeyID(String?)
    /// The key named by `kid` cannot verify the token's algorithm.
    case keyAlgorithmMismatch
    /// The signature does not match the signing input.
    case invalidSignature
    /// The `iss` claim is not the expected issuer; carries what the token named.
    case wrongIssuer(String?)
    /// The `aud` claim does not contain the expected audience.
    case wrongAudience
    /// A claim that must be present is missing; carries its name.
    case missingClaim(String)
    /// The current time is past `exp` plus the leeway.
    case expired
    /// The current time is before `nbf` (or `iat`) minus the leeway.
    case notYetValid
}

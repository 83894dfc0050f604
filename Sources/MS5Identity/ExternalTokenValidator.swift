import Foundation

/// The claim checks for an externally issued ID token, after its signature has been checked:
/// issuer, audience and validity period.
public struct ExternalTokenValidator: Sendable {
    /// The `iss` every token must carry, compared exactly.
    public var issuer: String
    /// The audience (client id) the `aud` claim must contain.
    public var audience: String
    /// How far past `exp` or before `nbf` a token is still accepted.
    public var allowedClockSkew: TimeInterval

    /// Makes a validator.
    public init(issuer: String, audience: String, allowedClockSkew: TimeInterval) {
        self.issuer = issuer
        self.audience = audience
        self.allowedClockSkew = allowedClockSkew
    }

    /// Verifies the signature against `keys`, then the claims at `now`; returns the claims.
    public func validate(_ jwt: CompactJWT, keys: JSONWebKeySet, now: Date) throws(JWTError) -> JWTClaims {
        try JWSSignatureVerifier.verify(jwt, with: keys)
        let claims = jwt.claims
        guard claims.issuer == issuer else { throw .wrongIssuer(claims.issuer) }
        guard claims.audience.contains(audience) else { throw .wrongAudience }
        try claims.checkValidityPeriod(at: now, leeway: allowedClockSkew, requireExpiry: true)
        return claims
    }
}

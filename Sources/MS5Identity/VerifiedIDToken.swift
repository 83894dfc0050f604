/// An ID token from the token endpoint whose signature, claims and nonce have been checked.
public struct VerifiedIDToken: Sendable, Hashable {
    /// The compact JWT as received.
    public var rawToken: String
    /// Its verified claims.
    public var claims: JWTClaims

    /// Makes a value from a token and its claims.
    public init(rawToken: String, claims: JWTClaims) {
        self.rawToken = rawToken
        self.claims = claims
    }
}

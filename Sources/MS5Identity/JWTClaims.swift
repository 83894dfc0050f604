import Foundation
import MS5JSON

/// The registered claims of a JWT (RFC 7519 §4.1) plus the whole payload for custom claims.
public struct JWTClaims: Sendable, Hashable {
    /// `iss`: who issued the token.
    public var issuer: String?
    /// `sub`: whom the token is about.
    public var subject: String?
    /// `aud`: the intended recipients; a single string in the token becomes a one-element array.
    public var audience: [String]
    /// `exp`: the time after which the token must be refused.
    public var expiresAt: Date?
    /// `nbf`: the time before which the token must be refused.
    public var notBefore: Date?
    /// `iat`: when the token was issued.
    public var issuedAt: Date?
    /// `nonce`: the OpenID Connect value binding an ID token to one authorization request.
    public var nonce: String?
    /// `jti`: the token's unique identifier.
    public var tokenID: String?
    /// The whole payload object, registered claims included, for reading custom claims.
    public var payload: [String: JSONValue]

    /// Reads the registered claims out of a payload object; throws when one has the wrong type.
    public init(payload: [String: JSONValue]) throws(JWTError) {
        self.payload = payload
        issuer = try payload.optionalString("iss")
        subject = try payload.optionalString("sub")
        switch payload["aud"] {
        case nil, .null?:
            audience = []
        case .string(let single)?:
            audience = [single]
        case .array(let values)?:
            audience = try values.map { value throws(JWTError) in
                guard case .string(let text) = value else { throw .invalidMember("aud") }
                return text
            }
        default:
            throw .invalidMember("aud")
        }
        expiresAt = try payload.optionalNumber("exp").map(Date.init(timeIntervalSince1970:))
        notBefore = try payload.optionalNumber("nbf").map(Date.init(timeIntervalSince1970:))
        issuedAt = try payload.optionalNumber("iat").map(Date.init(timeIntervalSince1970:))
        nonce = try payload.optionalString("nonce")
        tokenID = try payload.optionalString("jti")
    }

    /// Refuses the token when `now` is past `exp + leeway` or before `nbf - leeway`.
    /// - Parameter requireExpiry: when true a token without `exp` is refused too.
    public func checkValidityPeriod(at now: Date, leeway: TimeInterval, requireExpiry: Bool) throws(JWTError) {
        guard let expiresAt else {
            if requireExpiry { throw .missingClaim("exp") }
            return try checkNotBefore(at: now, leeway: leeway)
        }
        if now.timeIntervalSince(expiresAt) >= leeway { throw .expired }
        try checkNotBefore(at: now, leeway: leeway)
    }

    private func checkNotBefore(at now: Date, leeway: TimeInterval) throws(JWTError) {
        if let notBefore, notBefore.timeIntervalSince(now) > leeway { throw .notYetValid }
    }
}

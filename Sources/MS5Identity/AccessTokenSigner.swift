import Crypto
import Foundation
import MS5JSON

/// Signs and verifies the server's own HS256 access tokens (RFC 7519 with RFC 7515 HMAC SHA-256).
///
/// Tokens carry `iss: "ms5"`, `sub`, `sid`, `roles`, `iat`, `exp` and `jti`. Verification accepts
/// only `alg: HS256`, the `ms5` issuer and a valid period, and compares MACs in constant time.
public struct AccessTokenSigner: Sendable {
    /// The issuer written into and required of every access token.
    public static let issuer = "ms5"
    /// The shortest secret accepted, in bytes (the HMAC SHA-256 output size).
    public static let minimumSecretLength = 32

    /// Why a signer could not be made.
    public enum ConfigurationError: Error, Equatable, Sendable {
        /// The secret is shorter than ``AccessTokenSigner/minimumSecretLength``; carries its length.
        case secretTooShort(Int)
    }

    private let secret: Data
    /// How far past `exp` or before `nbf`/`iat` a token is still accepted, for clock differences.
    public let leeway: TimeInterval

    /// Makes a signer from the server secret.
    /// - Parameters:
    ///   - secret: at least 32 random bytes.
    ///   - leeway: clock tolerance applied to `exp` and `nbf`; 5 seconds unless given.
    public init(secret: some DataProtocol, leeway: TimeInterval = 5) throws(ConfigurationError) {
        guard secret.count >= Self.minimumSecretLength else { throw .secretTooShort(secret.count) }
        self.secret = Data(secret)
        self.leeway = leeway
    }

    /// Signs a token for `claims`; `iat` and `exp` are written as whole seconds (rounded down).
    public func sign(_ claims: AccessTokenClaims) -> String {
        let payload: JSONValue = .object([
            "iss": .string(Self.issuer),
            "sub": .string(claims.subject),
            "sid": .string(claims.sessionID),
            "roles": .array(claims.roles.map(JSONValue.string)),
            "iat": .number(claims.issuedAt.timeIntervalSince1970.rounded(.down)),
            "exp": .number(claims.expiresAt.timeIntervalSince1970.rounded(.down)),
            "jti": .string(claims.tokenID),
        ])
        let signingInput = CompactJWT.signingInput(header: JWSHeader(algorithm: "HS256"), payload: payload)
        let key = SymmetricKey(data: secret)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + Base64URL.encode(Data(mac))
    }

    /// Signs a token for a new session grant, valid from `now` for `lifetime`, with a random `jti`.
    public func sign(
        subject: String, sessionID: String, roles: [String], now: Date = Date(), lifetime: TimeInterval
    ) -> String {
        sign(AccessTokenClaims(
            subject: subject, sessionID: sessionID, roles: roles,
            issuedAt: now, expiresAt: now.addingTimeInterval(lifetime),
            tokenID: Base64URL.encode(SecureRandom.bytes(16))))
    }

    /// Verifies a token and returns its claims.
    ///
    /// Throws ``JWTError/unsupportedAlgorithm(_:)`` for any `alg` but HS256,
    /// ``JWTError/invalidSignature``, ``JWTError/wrongIssuer(_:)``, ``JWTError/expired``,
    /// ``JWTError/notYetValid`` or ``JWTError/missingClaim(_:)``.
    public func verify(_ token: String, now: Date = Date()) throws(JWTError) -> AccessTokenClaims {
        let jwt = try CompactJWT(parsing: token)
        guard jwt.header.algorithm == "HS256" else { throw .unsupportedAlgorithm(jwt.header.algorithm) }
        let key = SymmetricKey(data: secret)
        guard HMAC<SHA256>.isValidAuthenticationCode(jwt.signature, authenticating: jwt.signingInput, using: key)
        else { throw .invalidSignature }
        let claims = jwt.claims
        guard claims.issuer == Self.issuer else { throw .wrongIssuer(claims.issuer) }
        try claims.checkValidityPeriod(at: now, leeway: leeway, requireExpiry: true)
        if let issuedAt = claims.issuedAt, issuedAt.timeIntervalSince(now) > leeway { throw .notYetValid }
        return AccessTokenClaims(
            subject: try Self.required(claims.subject, "sub"),
            sessionID: try Self.required(claims.payload.optionalString("sid"), "sid"),
            roles: try Self.roles(in: claims.payload),
            issuedAt: try Self.required(claims.issuedAt, "iat"),
            expiresAt: try Self.required(claims.expiresAt, "exp"),
            tokenID: try Self.required(claims.tokenID, "jti"))
    }

    private static func required<Value>(_ value: Value?, _ name: String) throws(JWTError) -> Value {
        guard let value else { throw .missingClaim(name) }
        return value
    }

    private static func roles(in payload: [String: JSONValue]) throws(JWTError) -> [String] {
        guard case .array(let values)? = payload["roles"] else { throw .missingClaim("roles") }
        return try values.map { value throws(JWTError) in
            guard case .string(let role) = value else { throw .invalidMember("roles") }
            return role
        }
    }
}

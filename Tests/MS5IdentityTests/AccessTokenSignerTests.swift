import Crypto
import Foundation
import MS5Identity
import MS5JSON
import Testing

@Suite("Access tokens (HS256)")
struct AccessTokenSignerTests {
    static let secret = Data((0..<32).map { UInt8($0) })
    static let issuedAt = Date(timeIntervalSince1970: 1_750_000_000)
    static let claims = AccessTokenClaims(
        subject: "user-7", sessionID: "session-3", roles: ["operator", "quality"],
        issuedAt: issuedAt, expiresAt: issuedAt.addingTimeInterval(900), tokenID: "jti-1")

    private func hmacToken(header: [String: JSONValue], payload: [String: JSONValue], secret: Data = secret) throws -> String {
        try TestTokens.compact(header: header, payload: payload) { input in
            Data(HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: secret)))
        }
    }

    private var validPayload: [String: JSONValue] {
        ["iss": "ms5", "sub": "user-7", "sid": "session-3", "roles": ["operator"], "iat": 1_750_000_000,
         "exp": 1_750_000_900, "jti": "j"]
    }

    @Test func signedTokensVerifyToTheSameClaims() throws {
        let signer = try AccessTokenSigner(secret: Self.secret)
        let token = signer.sign(Self.claims)
        #expect(try signer.verify(token, now: Self.issuedAt.addingTimeInterval(60)) == Self.claims)
        let header = try CompactJWT(parsing: token).header
        #expect(header == JWSHeader(algorithm: "HS256", keyID: nil, type: "JWT"))
    }

    @Test func theTokenIsTheHMACOfItsCanonicalParts() throws {
        let signer = try AccessTokenSigner(secret: Self.secret)
        let expected = try hmacToken(
            header: ["alg": "HS256", "typ": "JWT"],
            payload: ["iss": "ms5", "sub": "user-7", "sid": "session-3", "roles": ["operator", "quality"],
                      "iat": 1_750_000_000, "exp": 1_750_000_900, "jti": "jti-1"])
        #expect(signer.sign(Self.claims) == expected)
    }

    @Test func newSessionTokensGetARandomIDAndLifetime() throws {
        let signer = try AccessTokenSigner(secret: Self.secret)
        let first = try signer.verify(
            signer.sign(subject: "u", sessionID: "s", roles: [], now: Self.issuedAt, lifetime: 600), now: Self.issuedAt)
        let second = try signer.verify(
            signer.sign(subject: "u", sessionID: "s", roles: [], now: Self.issuedAt, lifetime: 600), now: Self.issuedAt)
        #expect(first.expiresAt == Self.issuedAt.addingTimeInterval(600))
        #expect(first.tokenID.count == 22)
        #expect(first.tokenID != second.tokenID)
    }

    @Test func secretsShorterThan32BytesAreRefused() {
        #expect(throws: AccessTokenSigner.ConfigurationError.secretTooShort(31)) {
            try AccessTokenSigner(secret: Data(count: 31))
        }
    }

    @Test func theRFC7515ExampleMACIsCheckedBeforeTheIssuer() throws {
        let key = try #require(Data(base64Encoded:
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ+EstJQLr/T+1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow=="))
        let signer = try AccessTokenSigner(secret: key)
        let before = Date(timeIntervalSince1970: 1_300_000_000)
        #expect(throws: JWTError.wrongIssuer("joe")) { try signer.verify(CompactJWTTests.rfc7515Token, now: before) }
        let tampered = String(CompactJWTTests.rfc7515Token.dropLast()) + "Y"
        #expect(throws: JWTError.invalidSignature) { try signer.verify(tampered, now: before) }
    }

    @Test func otherAlgorithmsAreRefused() throws {
        let signer = try AccessTokenSigner(secret: Self.secret)
        for alg in ["none", "HS384", "RS256"] {
            let token = try hmacToken(header: ["alg": .string(alg)], payload: validPayload)
            #expect(throws: JWTError.unsupportedAlgorithm(alg)) { try signer.verify(token, now: Self.issuedAt) }
        }
    }

    @Test func wrongSecretIssuerAndTamperingAreRefused() throws {
        let signer = try AccessTokenSigner(secret: Self.secret)
        let otherSecret = try hmacToken(header: ["alg": "HS256"], payload: validPayload, secret: Data(count: 32))
        #expect(throws: JWTError.invalidSignature) { try signer.verify(otherSecret, now: Self.issuedAt) }
        var foreign = validPayload
        foreign["iss"] = "someone-else"
        let foreignToken = try hmacToken(header: ["alg": "HS256"], payload: foreign)
        #expect(throws: JWTError.wrongIssuer("someone-else")) { try signer.verify(foreignToken, now: Self.issuedAt) }
        let parts = signer.sign(Self.claims).split(separator: ".")
        var elevated = validPayload
        elevated["roles"] = ["admin"]
        let swapped = TestTokens.base64URL(try CanonicalJSON.encode(.object(elevated)))
        #expect(throws: JWTError.invalidSignature) {
            try signer.verify("\(parts[0]).\(swapped).\(parts[2])", now: Self.issuedAt)
        }
    }

    @Test func validityPeriodHonoursTheLeeway() throws {
        let signer = try AccessTokenSigner(secret: Self.secret, leeway: 5)
        let token = signer.sign(Self.claims)
        let expiry = Self.claims.expiresAt
        #expect(try signer.verify(token, now: expiry.addingTimeInterval(4)).subject == "user-7")
        #expect(throws: JWTError.expired) { try signer.verify(token, now: expiry.addingTimeInterval(5)) }
        #expect(try signer.verify(token, now: Self.issuedAt.addingTimeInterval(-5)).subject == "user-7")
        #expect(throws: JWTError.notYetValid) { try signer.verify(token, now: Self.issuedAt.addingTimeInterval(-6)) }
        var early = validPayload
        early["nbf"] = 1_750_000_100
        let notYet = try hmacToken(header: ["alg": "HS256"], payload: early)
        #expect(throws: JWTError.notYetValid) { try signer.verify(notYet, now: Self.issuedAt) }
    }

    @Test func requiredClaimsMustBePresent() throws {
        let signer = try AccessTokenSigner(secret: Self.secret)
        for name in ["sid", "roles", "exp", "sub"] {
            var payload = validPayload
            payload[name] = nil
            let token = try hmacToken(header: ["alg": "HS256"], payload: payload)
            #expect(throws: JWTError.missingClaim(name)) { try signer.verify(token, now: Self.issuedAt) }
        }
    }
}

import Foundation
import MS5Identity
import MS5JSON
import Testing

@Suite("Compact JWT parsing")
struct CompactJWTTests {
    /// The HS256 example of RFC 7515 Appendix A.1.
    static let rfc7515Token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

    @Test func parsesTheRFC7515Example() throws {
        let jwt = try CompactJWT(parsing: Self.rfc7515Token)
        #expect(jwt.header == JWSHeader(algorithm: "HS256", keyID: nil, type: "JWT"))
        #expect(jwt.claims.issuer == "joe")
        #expect(jwt.claims.expiresAt == Date(timeIntervalSince1970: 1_300_819_380))
        #expect(jwt.claims.payload["http://example.com/is_root"] == .bool(true))
        #expect(jwt.claims.audience.isEmpty)
        #expect(jwt.signingInput == Data(Self.rfc7515Token.split(separator: ".")[0...1].joined(separator: ".").utf8))
        #expect(jwt.signature.count == 32)
    }

    @Test func readsAudienceAsStringOrArray() throws {
        let none: (Data) -> Data = { _ in Data() }
        let single = try TestTokens.compact(header: ["alg": "none"], payload: ["aud": "a"], sign: none)
        #expect(try CompactJWT(parsing: single).claims.audience == ["a"])
        let many = try TestTokens.compact(header: ["alg": "none"], payload: ["aud": ["a", "b"]], sign: none)
        #expect(try CompactJWT(parsing: many).claims.audience == ["a", "b"])
        let wrong = try TestTokens.compact(header: ["alg": "none"], payload: ["aud": 7], sign: none)
        #expect(throws: JWTError.invalidMember("aud")) { try CompactJWT(parsing: wrong) }
    }

    @Test func readsEveryRegisteredClaim() throws {
        let token = try TestTokens.compact(
            header: ["alg": "RS256", "kid": "k1", "typ": "JWT"],
            payload: [
                "iss": "https://idp", "sub": "s", "aud": "c", "exp": 200, "nbf": 100, "iat": 90,
                "nonce": "n", "jti": "j", "custom": ["x": 1],
            ],
            sign: { _ in Data([1, 2, 3]) })
        let jwt = try CompactJWT(parsing: token)
        #expect(jwt.header.keyID == "k1")
        let claims = jwt.claims
        #expect(claims.issuer == "https://idp")
        #expect(claims.subject == "s")
        #expect(claims.notBefore == Date(timeIntervalSince1970: 100))
        #expect(claims.issuedAt == Date(timeIntervalSince1970: 90))
        #expect(claims.nonce == "n")
        #expect(claims.tokenID == "j")
        #expect(claims.payload["custom"] == .object(["x": .number(1)]))
        #expect(jwt.signature == Data([1, 2, 3]))
    }

    @Test(arguments: ["a.b", "a.b.c.d", "!!.e30.", "e30.!!.", "e30.e30.!!", "W10.e30.", "e30.bnVsbA."])
    func refusesMalformedTokens(token: String) {
        #expect(throws: JWTError.self) { try CompactJWT(parsing: token) }
    }

    @Test func reportsTheKindOfMalformation() {
        #expect(throws: JWTError.malformed) { try CompactJWT(parsing: "e30.e30") }
        #expect(throws: JWTError.invalidJSON) { try CompactJWT(parsing: "W10.e30.") }
        #expect(throws: JWTError.invalidMember("alg")) { try CompactJWT(parsing: "e30.e30.") }
    }

    @Test func checksTheValidityPeriodWithLeeway() throws {
        let token = try TestTokens.compact(
            header: ["alg": "none"], payload: ["exp": 1000, "nbf": 500], sign: { _ in Data() })
        let claims = try CompactJWT(parsing: token).claims
        let at = { (seconds: Double) in Date(timeIntervalSince1970: seconds) }
        try claims.checkValidityPeriod(at: at(999), leeway: 0, requireExpiry: true)
        try claims.checkValidityPeriod(at: at(1004), leeway: 5, requireExpiry: true)
        #expect(throws: JWTError.expired) { try claims.checkValidityPeriod(at: at(1005), leeway: 5, requireExpiry: true) }
        #expect(throws: JWTError.expired) { try claims.checkValidityPeriod(at: at(1000), leeway: 0, requireExpiry: true) }
        try claims.checkValidityPeriod(at: at(495), leeway: 5, requireExpiry: true)
        #expect(throws: JWTError.notYetValid) {
            try claims.checkValidityPeriod(at: at(494), leeway: 5, requireExpiry: true)
        }
        let open = try CompactJWT(parsing: TestTokens.compact(header: ["alg": "none"], payload: [:]) { _ in Data() })
        try open.claims.checkValidityPeriod(at: at(0), leeway: 0, requireExpiry: false)
        #expect(throws: JWTError.missingClaim("exp")) {
            try open.claims.checkValidityPeriod(at: at(0), leeway: 0, requireExpiry: true)
        }
    }
}

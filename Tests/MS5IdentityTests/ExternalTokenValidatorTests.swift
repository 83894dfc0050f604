import Crypto
import Foundation
import MS5Identity
import MS5JSON
import Testing
import _CryptoExtras

@Suite("External tokens and JWK Sets")
struct ExternalTokenValidatorTests {
    static let rsaKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    /// The EC key's bytes (the key type of Crypto is not `Sendable`, so it cannot be a static).
    static let ecKeyBytes = P256.Signing.PrivateKey().rawRepresentation

    static func ecKey() throws -> P256.Signing.PrivateKey {
        try P256.Signing.PrivateKey(rawRepresentation: ecKeyBytes)
    }
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let validator = ExternalTokenValidator(issuer: "https://idp.example", audience: "ms5", allowedClockSkew: 30)

    static func jwksDocument() throws -> Data {
        let primitives = try rsaKey.publicKey.getKeyPrimitives()
        let point = try ecKey().publicKey.rawRepresentation
        let document: JSONValue = ["keys": [
            ["kty": "oct", "kid": "secret", "k": "c2VjcmV0"],
            ["kty": "OKP", "crv": "Ed25519", "kid": "ed", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"],
            ["kty": "EC", "crv": "P-384", "kid": "p384", "x": "AA", "y": "AA"],
            ["kty": "RSA", "kid": "no-exponent", "n": .string(TestTokens.base64URL(primitives.modulus))],
            "not an object",
            ["kty": "RSA", "kid": "rsa", "use": "sig", "alg": "RS256",
             "n": .string(TestTokens.base64URL(primitives.modulus)),
             "e": .string(TestTokens.base64URL(primitives.publicExponent))],
            ["kty": "EC", "crv": "P-256", "kid": "ec", "use": "sig",
             "x": .string(TestTokens.base64URL(point.prefix(32))), "y": .string(TestTokens.base64URL(point.suffix(32)))],
        ]]
        return try CanonicalJSON.encode(document)
    }

    static var payload: [String: JSONValue] {
        ["iss": "https://idp.example", "aud": "ms5", "sub": "alice", "exp": 1_750_000_300, "iat": 1_750_000_000]
    }

    static func rs256(kid: String = "rsa", payload: [String: JSONValue] = payload) throws -> CompactJWT {
        try CompactJWT(parsing: TestTokens.compact(header: ["alg": "RS256", "kid": .string(kid)], payload: payload) {
            try rsaKey.signature(for: SHA256.hash(data: $0), padding: .insecurePKCS1v1_5).rawRepresentation
        })
    }

    static func es256(kid: String = "ec", der: Bool = false) throws -> CompactJWT {
        try CompactJWT(parsing: TestTokens.compact(header: ["alg": "ES256", "kid": .string(kid)], payload: payload) {
            let signature = try ecKey().signature(for: $0)
            return der ? signature.derRepresentation : signature.rawRepresentation
        })
    }

    @Test func keySetKeepsRSAAndP256KeysAndSkipsTheRest() throws {
        let keys = try JSONWebKeySet(jsonData: Self.jwksDocument())
        #expect(keys.keys.map(\.keyID) == ["rsa", "ec"])
        #expect(keys.key(withID: "rsa")?.algorithm == "RS256")
        #expect(keys.key(withID: "ec")?.use == "sig")
        #expect(keys.key(withID: "secret") == nil)
        #expect(throws: JWTError.invalidJSON) { try JSONWebKeySet(jsonData: Data(#"{"kids":[]}"#.utf8)) }
    }

    @Test func validRS256AndES256TokensPass() throws {
        let keys = try JSONWebKeySet(jsonData: Self.jwksDocument())
        #expect(try Self.validator.validate(Self.rs256(), keys: keys, now: Self.now).subject == "alice")
        #expect(try Self.validator.validate(Self.es256(), keys: keys, now: Self.now).subject == "alice")
    }

    @Test func derEncodedES256SignaturesAreRefused() throws {
        let keys = try JSONWebKeySet(jsonData: Self.jwksDocument())
        #expect(throws: JWTError.invalidSignature) {
            try Self.validator.validate(Self.es256(der: true), keys: keys, now: Self.now)
        }
    }

    @Test func hmacWithThePublicKeyAsSecretIsRefused() throws {
        let keys = try JSONWebKeySet(jsonData: Self.jwksDocument())
        let publicKeyPEM = Data(Self.rsaKey.publicKey.pemRepresentation.utf8)
        for alg in ["HS256", "HS384"] {
            let token = try CompactJWT(parsing: TestTokens.compact(
                header: ["alg": .string(alg), "kid": "rsa"], payload: Self.payload
            ) { Data(HMAC<SHA256>.authenticationCode(for: $0, using: SymmetricKey(data: publicKeyPEM))) })
            #expect(throws: JWTError.unsupportedAlgorithm(alg)) {
                try Self.validator.validate(token, keys: keys, now: Self.now)
            }
        }
    }

    @Test func keyMismatchesAndClaimProblemsAreRefused() throws {
        let keys = try JSONWebKeySet(jsonData: Self.jwksDocument())
        let validate = { (jwt: CompactJWT) throws in try Self.validator.validate(jwt, keys: keys, now: Self.now) }
        #expect(throws: JWTError.unknownKeyID("gone")) { try validate(Self.rs256(kid: "gone")) }
        #expect(throws: JWTError.keyAlgorithmMismatch) { try validate(Self.rs256(kid: "ec")) }
        #expect(throws: JWTError.keyAlgorithmMismatch) { try validate(Self.es256(kid: "rsa")) }
        var tampered = try Self.rs256()
        tampered.signingInput.append(0x20)
        #expect(throws: JWTError.invalidSignature) { try validate(tampered) }
        var claims = Self.payload
        claims["iss"] = "https://idp.example/"
        #expect(throws: JWTError.wrongIssuer("https://idp.example/")) { try validate(Self.rs256(payload: claims)) }
        claims = Self.payload
        claims["aud"] = ["other"]
        #expect(throws: JWTError.wrongAudience) { try validate(Self.rs256(payload: claims)) }
        claims = Self.payload
        claims["exp"] = 1_749_999_970
        #expect(throws: JWTError.expired) { try validate(Self.rs256(payload: claims)) }
        claims["exp"] = 1_749_999_971
        #expect(try validate(Self.rs256(payload: claims)).subject == "alice")
        claims = Self.payload
        claims["nbf"] = 1_750_000_031
        #expect(throws: JWTError.notYetValid) { try validate(Self.rs256(payload: claims)) }
        claims["exp"] = nil
        claims["nbf"] = nil
        #expect(throws: JWTError.missingClaim("exp")) { try validate(Self.rs256(payload: claims)) }
    }
}

import Crypto
import Foundation
import MS5JSON
import _CryptoExtras

/// One public signing key from a JWK Set (RFC 7517, RFC 7518 §6): RSA or EC P-256.
public struct JSONWebKey: Sendable {
    /// The public key material, by key type.
    public enum Material: Sendable {
        /// `kty: RSA`, from the modulus `n` and exponent `e`.
        case rsa(_RSA.Signing.PublicKey)
        /// `kty: EC`, `crv: P-256`: the 64 bytes `x || y` of a point checked to lie on the curve.
        /// (Kept as bytes because the key type of Crypto is not `Sendable`.)
        case p256(rawRepresentation: Data)
    }

    /// `kid`: the key's identifier, matched against a token header's `kid`.
    public var keyID: String?
    /// `alg`: the one algorithm the key may be used with, if the set restricts it.
    public var algorithm: String?
    /// `use`: `sig` for signing keys, `enc` for encryption keys.
    public var use: String?
    /// The key itself.
    public var material: Material

    /// Makes a key from its parts.
    public init(keyID: String?, algorithm: String?, use: String?, material: Material) {
        self.keyID = keyID
        self.algorithm = algorithm
        self.use = use
        self.material = material
    }

    /// Reads one JWK object; returns nil for key types, curves or members this library does not
    /// support (a caller reading a whole set skips those keys rather than failing).
    public init?(json: [String: JSONValue]) {
        guard let material = Self.material(from: json) else { return nil }
        self.material = material
        keyID = try? json.optionalString("kid")
        algorithm = try? json.optionalString("alg")
        use = try? json.optionalString("use")
    }

    /// True when this key may verify signatures made with `alg` (`RS256` or `ES256`).
    public func canVerify(algorithm alg: String) -> Bool {
        if let algorithm, algorithm != alg { return false }
        if let use, use != "sig" { return false }
        switch (material, alg) {
        case (.rsa, "RS256"), (.p256, "ES256"): return true
        default: return false
        }
    }

    private static func material(from json: [String: JSONValue]) -> Material? {
        func bytes(_ name: String) -> Data? {
            guard let text = try? json.optionalString(name) else { return nil }
            return Base64URL.decode(text)
        }
        switch try? json.optionalString("kty") {
        case "RSA":
            guard let modulus = bytes("n"), let exponent = bytes("e"),
                let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent)
            else { return nil }
            return .rsa(key)
        case "EC":
            guard (try? json.optionalString("crv")) == "P-256",
                let x = bytes("x"), let y = bytes("y"), x.count == 32, y.count == 32,
                (try? P256.Signing.PublicKey(rawRepresentation: x + y)) != nil
            else { return nil }
            return .p256(rawRepresentation: x + y)
        default:
            return nil
        }
    }
}

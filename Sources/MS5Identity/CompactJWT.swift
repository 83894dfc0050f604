import Foundation
import MS5JSON

/// A JWT in JWS compact serialization (RFC 7515 §7.1), split and decoded but not yet verified.
public struct CompactJWT: Sendable, Hashable {
    /// The decoded protected header.
    public var header: JWSHeader
    /// The decoded claims.
    public var claims: JWTClaims
    /// The bytes the signature covers: ASCII `base64url(header) "." base64url(payload)` as received.
    public var signingInput: Data
    /// The decoded signature bytes (empty for `alg: none`).
    public var signature: Data

    /// Parses `header.payload.signature`; throws ``JWTError/malformed`` or ``JWTError/invalidJSON``.
    public init(parsing token: String) throws(JWTError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let headerBytes = Base64URL.decode(parts[0]),
            let payloadBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2])
        else { throw .malformed }
        header = try JWSHeader(json: Self.decodeObject(headerBytes))
        claims = try JWTClaims(payload: Self.decodeObject(payloadBytes))
        signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        self.signature = signature
    }

    private static func decodeObject(_ bytes: Data) throws(JWTError) -> [String: JSONValue] {
        guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: bytes) else {
            throw .invalidJSON
        }
        return members
    }

    /// Builds the signing input `base64url(header) "." base64url(payload)` from canonical JSON.
    static func signingInput(header: JWSHeader, payload: JSONValue) -> String {
        let headerPart = Base64URL.encode(CanonicalJSON.encodeFinite(header.json))
        let payloadPart = Base64URL.encode(CanonicalJSON.encodeFinite(payload))
        return headerPart + "." + payloadPart
    }
}

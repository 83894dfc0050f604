import Foundation
import MS5JSON

/// A JWK Set (RFC 7517 §5): the signing keys an identity provider publishes.
public struct JSONWebKeySet: Sendable {
    /// The supported keys of the set, in document order.
    public var keys: [JSONWebKey]

    /// Makes a set from keys.
    public init(keys: [JSONWebKey]) {
        self.keys = keys
    }

    /// Parses a JWK Set document, keeping the RSA and P-256 keys and skipping any other entry.
    /// Throws ``JWTError/invalidJSON`` when the document is not an object with a `keys` array.
    public init(jsonData: Data) throws(JWTError) {
        guard case .object(let document)? = try? JSONDecoder().decode(JSONValue.self, from: jsonData),
            case .array(let entries)? = document["keys"]
        else { throw .invalidJSON }
        keys = entries.compactMap { entry in
            guard case .object(let members) = entry else { return nil }
            return JSONWebKey(json: members)
        }
    }

    /// The key whose `kid` equals `keyID`, if any.
    public func key(withID keyID: String) -> JSONWebKey? {
        keys.first { $0.keyID == keyID }
    }
}

import Foundation

/// A random bearer token (such as a refresh token) that is stored only as its hash.
public struct OpaqueToken: Sendable, Hashable {
    /// The token to hand to the client: 32 random bytes in base64url (43 characters).
    public let value: String
    /// Lower-case hex SHA-256 of ``value``'s UTF-8 bytes, for storage and lookup.
    public var hash: String { Self.hash(of: value) }

    /// A new random token.
    public static func generate() -> OpaqueToken {
        OpaqueToken(value: Base64URL.encode(SecureRandom.bytes(32)))
    }

    /// The storage hash of a token presented by a client.
    public static func hash(of value: String) -> String {
        HexEncoding.sha256(Data(value.utf8))
    }

    private init(value: String) {
        self.value = value
    }
}

import Crypto
import Foundation

/// Lowercase hexadecimal text of digests and byte strings.
enum HexEncoding {
    /// Lowercase hex of the bytes, two characters per byte.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    /// Lowercase hex of the SHA-256 digest of the bytes.
    static func sha256(_ bytes: some DataProtocol) -> String {
        encode(SHA256.hash(data: bytes))
    }
}

import Crypto
import Foundation

/// A random bearer token and the hash it is stored under.
struct BearerToken: Sendable {
    /// The token as handed to the client: `ms5_` and 32 random bytes, base64url.
    let value: String

    /// Draws a new token from the system's secure random generator.
    static func generate() -> BearerToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return BearerToken(value: "ms5_" + text)
    }

    /// The SHA-256 of the token in hex: what the database keeps.
    var hash: String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

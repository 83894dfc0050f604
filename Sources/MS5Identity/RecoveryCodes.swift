import Foundation

/// One-time recovery codes for a user who lost their second factor.
///
/// Codes look like `k7f3-9qpx`: eight characters from an alphabet without look-alikes
/// (no `0 o 1 l i`), about 39.6 bits each. Only their SHA-256 hashes are stored; the hash is
/// taken over the normalized form (lower case, no dashes or spaces).
public enum RecoveryCodes {
    /// The characters codes are drawn from.
    public static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    /// A freshly generated code and the hash to store for it.
    public struct GeneratedCode: Sendable, Hashable {
        /// The code to show the user once, e.g. `k7f3-9qpx`.
        public var code: String
        /// Lower-case hex SHA-256 of the normalized code, for storage.
        public var hash: String
    }

    /// Generates `count` distinct codes.
    public static func generate(count: Int = 10) -> [GeneratedCode] {
        var generator = SystemRandomNumberGenerator()
        var seen: Set<String> = []
        var codes: [GeneratedCode] = []
        while codes.count < count {
            let characters = (0..<8).map { _ in alphabet.randomElement(using: &generator)! }
            let code = String(characters[..<4]) + "-" + String(characters[4...])
            if seen.insert(code).inserted {
                codes.append(GeneratedCode(code: code, hash: hash(code)))
            }
        }
        return codes
    }

    /// Hash of a code as typed: lower-cased, dashes and whitespace removed, SHA-256, hex.
    public static func hash(_ typedCode: String) -> String {
        let normalized = typedCode.lowercased().filter { $0 != "-" && !$0.isWhitespace }
        return HexEncoding.sha256(Data(normalized.utf8))
    }

    /// The stored hash that `typedCode` matches, or nil; the caller then deletes that hash.
    public static func match(_ typedCode: String, against storedHashes: some Sequence<String>) -> String? {
        let typedHash = Array(hash(typedCode).utf8)
        return storedHashes.first { ConstantTime.equals(Array($0.utf8), typedHash) }
    }
}

import Foundation

/// Base32 with the RFC 4648 §6 alphabet `A–Z 2–7`, as authenticator apps expect TOTP secrets.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes bytes as upper-case Base32 without `=` padding.
    public static func encode(_ bytes: some DataProtocol) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bitCount = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                output.append(alphabet[Int((buffer >> UInt32(bitCount)) & 31)])
            }
        }
        if bitCount > 0 {
            output.append(alphabet[Int((buffer << UInt32(5 - bitCount)) & 31)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes Base32, case-insensitively, with or without trailing `=` padding, ignoring spaces;
    /// returns nil for any other character or an impossible length.
    public static func decode(_ text: String) -> Data? {
        var body = Substring(text.uppercased().filter { $0 != " " })
        while body.last == "=" { body.removeLast() }
        guard ![1, 3, 6].contains(body.count % 8) else { return nil }
        var output = Data()
        var buffer: UInt32 = 0
        var bitCount = 0
        for character in body.utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bitCount += 5
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8((buffer >> UInt32(bitCount)) & 0xFF))
            }
        }
        return output
    }
}

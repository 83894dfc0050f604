import Foundation

extension UUID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The UUID as 36 lowercase UTF-8 characters (`8-4-4-4-12` hex digits), the form events carry.
    ///
    /// Written directly: Foundation's `uuidString` formats with `snprintf`, which with the
    /// `lowercased()` after it was a sixth of the Kafka relay's time.
    public var lowercasedUTF8: [UInt8] {
        withUnsafeBytes(of: uuid) { bytes in
            [UInt8](unsafeUninitializedCapacity: 36) { buffer, count in
                var out = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    buffer[out] = Self.hexDigits[Int(byte >> 4)]
                    buffer[out + 1] = Self.hexDigits[Int(byte & 0xF)]
                    out += 2
                }
                count = out
            }
        }
    }

    /// The UUID as lowercase text, as ``lowercasedUTF8``.
    public var lowercasedString: String {
        String(decoding: lowercasedUTF8, as: UTF8.self)
    }

    /// Reads a UUID of 36 characters in the `8-4-4-4-12` form, hex digits in either case; nil for
    /// anything else. Foundation's `UUID(uuidString:)` reads with `sscanf`, which was a seventh of
    /// the time the relay spent reading the outbox from SQLite.
    public init?(hexText text: String) {
        var text = text
        let parsed = text.withUTF8 { utf8 -> uuid_t? in
            guard utf8.count == 36 else { return nil }
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        guard utf8[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = Self.nibble(utf8[position]), let low = Self.nibble(utf8[position + 1]) else { return false }
                    out[index] = high << 4 | low
                    position += 2
                }
                return true
            }
            return complete ? bytes : nil
        }
        guard let parsed else { return nil }
        self.init(uuid: parsed)
    }

    /// The value of one hex digit, nil for another character.
    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

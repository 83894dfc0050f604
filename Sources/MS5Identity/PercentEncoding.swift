/// Percent-encoding that leaves only RFC 3986 unreserved characters as they are.
enum PercentEncoding {
    /// Encodes every byte of the UTF-8 form except `A–Z a–z 0–9 - . _ ~` as `%XX` (upper-case hex).
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return encoded
    }

    /// `key=value` pairs joined with `&`, keys in sorted order, both sides encoded.
    static func formBody(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }
            .map { encode($0.key) + "=" + encode($0.value) }
            .joined(separator: "&")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

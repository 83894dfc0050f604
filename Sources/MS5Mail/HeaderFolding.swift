/// Folds a header field onto several lines at whitespace (RFC 5322 section 2.2.3).
enum HeaderFolding {
    /// Lines are broken so that they are at most this long where the text allows it.
    static let preferredLineLength = 78

    /// Returns the field `name: value` with `CRLF` inserted before whitespace so that each line is at most
    /// 78 characters long where the text allows it. A fold happens only before a blank that follows a
    /// non-blank and precedes more non-blank text, so no line is blank. The field has no final line ending.
    static func fold(name: String, value: String) -> String {
        let field = Array("\(name): \(value)".utf8)
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let lastNonBlank = field.lastIndex(where: { !isBlank($0) }) else {
            return String(decoding: field, as: UTF8.self)
        }
        let firstBreakAllowed = name.utf8.count + 2
        let candidates = field.indices.filter { index in
            index > firstBreakAllowed && index < lastNonBlank && isBlank(field[index]) && !isBlank(field[index - 1])
        }
        var output: [UInt8] = []
        var lineStart = 0
        var previous: Int?
        for candidate in candidates + [field.count] {
            if candidate - lineStart > preferredLineLength, let breakAt = previous, breakAt > lineStart {
                output += field[lineStart..<breakAt] + [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
                lineStart = breakAt
            }
            previous = candidate
        }
        output += field[lineStart...]
        return String(decoding: output, as: UTF8.self)
    }
}

/// Quoted-printable body encoding (RFC 2045 section 6.7).
enum QuotedPrintable {
    /// Encoded lines are at most this long, the soft line break `=` included.
    static let maximumLineLength = 76

    /// Encodes one line of the body (without its line ending). Returns the encoded line, which may
    /// contain soft line breaks (`=` CRLF) but no final line ending.
    static func encode(line: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var lineLength = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            let isLiteral = (33...126).contains(byte) && byte != UInt8(ascii: "=")
            let token = (isLiteral || (isBlank && !isLast)) ? [byte] : escape(byte)
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if lineLength + token.count > limit {
                output += Array("=\r\n".utf8)
                lineLength = 0
            }
            output += token
            lineLength += token.count
        }
        return output
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}

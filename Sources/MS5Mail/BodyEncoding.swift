/// The `Content-Transfer-Encoding` of the message body.
enum BodyEncoding: String, Sendable, Equatable {
    /// ASCII text with short lines, sent as it is.
    case sevenBit = "7bit"
    /// UTF-8 text with short lines, sent as it is; needs the server's 8BITMIME (or SMTPUTF8).
    case eightBit = "8bit"
    /// Anything else.
    case quotedPrintable = "quoted-printable"

    /// The longest line RFC 5322 allows, without its CRLF.
    static let maximumLineLength = 998

    /// Picks the simplest encoding that carries `lines` (the body split at line endings) intact.
    static func choose(for lines: [[UInt8]], eightBitAllowed: Bool) -> BodyEncoding {
        let fitsUnencoded = lines.allSatisfy { $0.count <= maximumLineLength && !$0.contains(0) }
        guard fitsUnencoded else { return .quotedPrintable }
        if lines.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) { return .sevenBit }
        return eightBitAllowed ? .eightBit : .quotedPrintable
    }
}

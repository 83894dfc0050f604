/// Turns the bytes an SMTP server sends into complete ``SMTPReply`` values.
///
/// Pure and incremental: feed it whatever arrived with ``append(_:)`` and take replies with
/// ``nextReply()`` until it returns `nil`. Lines end in CRLF; a bare LF is accepted too.
struct SMTPReplyParser: Sendable {
    /// The longest line accepted; RFC 5321 allows 512 octets, this leaves generous room.
    static let maximumLineLength = 4096

    private var buffer: [UInt8] = []
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    /// `true` while bytes or lines of an unfinished reply are held.
    var hasBufferedInput: Bool { !buffer.isEmpty || pendingCode != nil }

    /// Adds bytes received from the server.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next complete reply, or `nil` if more bytes are needed.
    /// - Throws: ``SMTPError/malformedReply(_:)`` for a line that is not `DDD`, `DDD-text` or `DDD text`,
    ///   for a continuation whose code differs from the first line, or for an overlong line.
    mutating func nextReply() throws(SMTPError) -> SMTPReply? {
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var lineEnd = newline
            if lineEnd > buffer.startIndex, buffer[lineEnd - 1] == UInt8(ascii: "\r") {
                lineEnd -= 1
            }
            let line = String(decoding: buffer[buffer.startIndex..<lineEnd], as: UTF8.self)
            buffer.removeSubrange(buffer.startIndex...newline)
            if let reply = try consume(line: line) {
                return reply
            }
        }
        if buffer.count > Self.maximumLineLength {
            throw .malformedReply("line longer than \(Self.maximumLineLength) bytes")
        }
        return nil
    }

    private mutating func consume(line: String) throws(SMTPError) -> SMTPReply? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= Self.maximumLineLength,
            scalars[0...2].allSatisfy({ ("0"..."9").contains($0) }),
            let code = Int(String(String.UnicodeScalarView(scalars[0...2])))
        else {
            throw .malformedReply(line)
        }
        let separator: Unicode.Scalar? = scalars.count > 3 ? scalars[3] : nil
        guard separator == nil || separator == "-" || separator == " " else {
            throw .malformedReply(line)
        }
        if let pendingCode, pendingCode != code {
            throw .malformedReply(line)
        }
        let text = scalars.count > 4 ? String(String.UnicodeScalarView(scalars[4...])) : ""
        pendingLines.append(text)
        if separator == "-" {
            pendingCode = code
            return nil
        }
        let reply = SMTPReply(code: code, lines: pendingLines)
        pendingCode = nil
        pendingLines = []
        return reply
    }
}

/// Turns a ``MailMessage`` into the bytes of an RFC 5322 message with CRLF line endings.
///
/// Pure: the same message always gives the same bytes. Dot-stuffing for `DATA` is a separate step
/// (``DotStuffing``).
enum MessageFormatter {
    /// A formatted message and the body encoding that was chosen for it.
    struct Formatted: Sendable, Equatable {
        var bytes: [UInt8]
        var bodyEncoding: BodyEncoding
    }

    /// Formats `message`.
    /// - Parameter eightBitAllowed: whether the server offers 8BITMIME or SMTPUTF8, so that UTF-8 text may
    ///   be sent unencoded.
    /// - Throws: ``SMTPError/invalidHeader(name:reason:)`` for a malformed Message-ID.
    static func format(_ message: MailMessage, eightBitAllowed: Bool) throws(SMTPError) -> Formatted {
        try validate(messageID: message.messageID)
        let bodyLines = lines(of: message.textBody)
        let encoding = BodyEncoding.choose(for: bodyLines, eightBitAllowed: eightBitAllowed)

        var fields: [(String, String)] = [
            ("Date", RFC5322Date.format(message.date)),
            ("From", mailbox(message.from)),
        ]
        if !message.to.isEmpty { fields.append(("To", message.to.map(mailbox).joined(separator: ", "))) }
        if !message.cc.isEmpty { fields.append(("Cc", message.cc.map(mailbox).joined(separator: ", "))) }
        fields += [
            ("Subject", unstructured(message.subject)),
            ("Message-ID", message.messageID),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", encoding.rawValue),
        ]
        fields += message.extraHeaders.map { ($0.name, unstructured($0.value)) }

        var bytes: [UInt8] = []
        for (name, value) in fields {
            bytes += Array(HeaderFolding.fold(name: name, value: value).utf8) + crlf
        }
        bytes += crlf
        for line in bodyLines {
            bytes += (encoding == .quotedPrintable ? QuotedPrintable.encode(line: line) : line) + crlf
        }
        return Formatted(bytes: bytes, bodyEncoding: encoding)
    }

    /// Splits text at CRLF, CR or LF. A final line ending does not start another (empty) line.
    static func lines(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                result.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// `Name <address>` with the name as an atom phrase, a quoted string or encoded words.
    static func mailbox(_ address: MailAddress) -> String {
        guard let name = address.displayName else { return address.address }
        return "\(phrase(name)) <\(address.address)>"
    }

    private static func phrase(_ name: String) -> String {
        let scalars = name.unicodeScalars
        if scalars.allSatisfy({ MailAddress.isAtext($0) || $0 == " " }) {
            return name
        }
        if scalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return "\"" + name.replacingBackslashesAndQuotes() + "\""
        }
        return EncodedWord.encode(name)
    }

    /// Header text as it is when it is safe plain ASCII, otherwise as encoded words.
    private static func unstructured(_ text: String) -> String {
        let isPlain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            && !text.contains("=?")
            && text.split(separator: " ").allSatisfy { $0.utf8.count <= 76 }
        return isPlain ? text : EncodedWord.encode(text)
    }

    private static func validate(messageID: String) throws(SMTPError) {
        let inner = messageID.unicodeScalars.dropFirst().dropLast()
        guard messageID.hasPrefix("<"), messageID.hasSuffix(">"), !inner.isEmpty,
            inner.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">" })
        else {
            throw .invalidHeader(name: "Message-ID", reason: "must be <text> of printable ASCII without spaces")
        }
    }

    private static let crlf: [UInt8] = [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
}

extension String {
    /// The string with `\` and `"` escaped by a backslash, for an RFC 5322 quoted string.
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

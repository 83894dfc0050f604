/// An extra header field for a ``MailMessage``, such as `X-Andon-Line: 3`.
public struct MailHeader: Sendable, Equatable {
    /// Header names the formatter writes itself; an extra header may not use them.
    static let reservedNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    /// The field name, for example `X-Andon-Line`.
    public let name: String
    /// The field value as text; non-ASCII text is RFC 2047-encoded when the message is formatted.
    public let value: String

    /// Creates a header field.
    /// - Throws: ``SMTPError/invalidHeader(name:reason:)`` if the name is empty, not printable ASCII,
    ///   contains a colon or is one of the headers the formatter writes itself (From, To, Cc, Bcc,
    ///   Subject, Date, Message-ID, MIME-Version, Content-Type, Content-Transfer-Encoding).
    public init(name: String, value: String) throws(SMTPError) {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ (33...126).contains($0.value) && $0 != ":" }) else {
            throw .invalidHeader(name: name, reason: "a name is printable ASCII without spaces or colons")
        }
        guard !Self.reservedNames.contains(name.lowercased()) else {
            throw .invalidHeader(name: name, reason: "this header is written by the formatter")
        }
        self.name = name
        self.value = value
    }
}

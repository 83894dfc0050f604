import Foundation

/// A plain-text e-mail: sender, recipients, subject, body and optional extra headers.
public struct MailMessage: Sendable, Equatable {
    /// The sender, used for the `From:` header and `MAIL FROM`.
    public var from: MailAddress
    /// The primary recipients (`To:`).
    public var to: [MailAddress]
    /// The copied recipients (`Cc:`).
    public var cc: [MailAddress]
    /// The subject; any text, RFC 2047-encoded when it is not plain ASCII.
    public var subject: String
    /// The body as text; line endings of any kind are sent as CRLF.
    public var textBody: String
    /// Extra header fields, written after the standard ones.
    public var extraHeaders: [MailHeader]
    /// The `Message-ID` header, angle brackets included: `<unique@domain>`.
    public var messageID: String
    /// The `Date` header.
    public var date: Date

    /// Creates a message.
    /// - Parameters:
    ///   - messageID: the `Message-ID`; by default a new one is generated from a UUID and the sender's domain.
    ///   - date: the `Date` header; by default now.
    public init(
        from: MailAddress,
        to: [MailAddress],
        cc: [MailAddress] = [],
        subject: String,
        textBody: String,
        extraHeaders: [MailHeader] = [],
        messageID: String? = nil,
        date: Date = Date()
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.textBody = textBody
        self.extraHeaders = extraHeaders
        self.messageID = messageID ?? Self.generateMessageID(domain: from.domain)
        self.date = date
    }

    /// Every distinct envelope recipient, To before Cc, in order.
    public var recipients: [MailAddress] {
        var seen: Set<String> = []
        return (to + cc).filter { seen.insert($0.address.lowercased()).inserted }
    }

    /// Returns a new unique `Message-ID` such as `<6F9619FF-8B86-D011-B42D-00C04FC964FF@plant.example>`.
    public static func generateMessageID(domain: some StringProtocol) -> String {
        "<\(UUID().uuidString)@\(domain)>"
    }
}

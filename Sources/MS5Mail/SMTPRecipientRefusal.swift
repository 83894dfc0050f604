/// A recipient the server refused at RCPT TO, with the server's reply.
public struct SMTPRecipientRefusal: Sendable, Equatable {
    /// The refused recipient.
    public var address: MailAddress
    /// The server's reply to `RCPT TO` for this recipient, for example `550 No such user`.
    public var reply: SMTPReply

    /// Creates a refusal record.
    public init(address: MailAddress, reply: SMTPReply) {
        self.address = address
        self.reply = reply
    }
}

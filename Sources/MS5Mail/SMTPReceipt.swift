/// What the server confirmed for one delivered message.
public struct SMTPReceipt: Sendable, Equatable {
    /// The `Message-ID` header the message was sent with, angle brackets included.
    public var messageID: String
    /// Recipients the server accepted.
    public var accepted: [MailAddress]
    /// Recipients the server refused; the message went to the accepted ones only.
    public var refused: [SMTPRecipientRefusal]
    /// The server's reply after the message content, usually `250` with a queue id.
    public var serverReply: SMTPReply

    /// Creates a receipt.
    public init(messageID: String, accepted: [MailAddress], refused: [SMTPRecipientRefusal], serverReply: SMTPReply) {
        self.messageID = messageID
        self.accepted = accepted
        self.refused = refused
        self.serverReply = serverReply
    }
}

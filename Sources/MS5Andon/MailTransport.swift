/// Sends the e-mail of an Andon notification.
public protocol MailTransport: Sendable {
    /// Sends a plain-text message to one recipient.
    func send(to address: String, subject: String, body: String) async throws
}

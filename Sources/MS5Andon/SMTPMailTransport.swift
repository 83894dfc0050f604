import Logging
import MS5Mail

/// Andon e-mails through an SMTP server.
public struct SMTPMailTransport: MailTransport {
    let mailer: SMTPMailer
    let from: MailAddress

    /// Creates the transport sending from `from` through the server `configuration` names.
    public init(configuration: SMTPConfiguration, from: MailAddress, logger: Logger) {
        self.mailer = SMTPMailer(configuration: configuration, logger: logger)
        self.from = from
    }

    public func send(to address: String, subject: String, body: String) async throws {
        let recipient = try MailAddress(parsing: address)
        // With one recipient, a refusal fails the send with the server's reply.
        _ = try await mailer.send(MailMessage(from: from, to: [recipient], subject: subject, textBody: body))
    }
}

import Logging

/// Sends ``MailMessage``s through one SMTP server, one connection per message.
public struct SMTPMailer: Sendable {
    /// The server and how to talk to it.
    public let configuration: SMTPConfiguration
    private let logger: Logger

    /// Creates a mailer. Nothing is connected until ``send(_:)``.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "ms5.mail.smtp")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Connects, delivers `message` to every To and Cc recipient the server accepts, and disconnects.
    ///
    /// - Returns: the receipt, listing refused recipients when at least one other was accepted.
    /// - Throws: ``SMTPError`` only; ``SMTPError/recipientsRefused(_:)`` when no recipient was accepted.
    public func send(_ message: MailMessage) async throws -> SMTPReceipt {
        try configuration.validate()
        guard !message.recipients.isEmpty else { throw SMTPError.noRecipients }
        var logger = logger
        logger[metadataKey: "smtp.server"] = "\(configuration.host):\(configuration.port)"
        logger[metadataKey: "mail.message-id"] = "\(message.messageID)"

        let transport = try await NIOSMTPTransport.connect(configuration: configuration)
        let dialogue = SMTPDialogue(configuration: configuration, transport: transport, logger: logger)
        do {
            let receipt = try await dialogue.run(message)
            await transport.close()
            logger.info("Mail delivered", metadata: ["accepted": "\(receipt.accepted.count)", "refused": "\(receipt.refused.count)"])
            return receipt
        } catch {
            await transport.close()
            logger.error("Mail not delivered: \(error)")
            throw error
        }
    }
}

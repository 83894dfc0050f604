import Foundation
import Logging

/// The client side of one SMTP session (RFC 5321), independent of how bytes travel.
struct SMTPDialogue: Sendable {
    let configuration: SMTPConfiguration
    let transport: any SMTPTransport
    let logger: Logger

    /// Delivers `message`: greeting, EHLO/HELO, STARTTLS, AUTH, MAIL, RCPT, DATA, QUIT.
    /// On an error after the server answered, QUIT is still sent (best effort) before rethrowing.
    func run(_ message: MailMessage) async throws -> SMTPReceipt {
        do {
            let receipt = try await deliver(message)
            _ = try? await transport.send(line: "QUIT")
            return receipt
        } catch let error as SMTPError {
            switch error {
            case .timeout, .connectionClosed, .connectionFailed, .tlsFailed, .malformedReply:
                break
            default:
                _ = try? await transport.send(line: "QUIT")
            }
            throw error
        }
    }

    private func deliver(_ message: MailMessage) async throws -> SMTPReceipt {
        let greeting = try await transport.readReply()
        logger.debug("S: \(greeting)")
        guard greeting.code == 220 else { throw SMTPError.unexpectedReply(command: "(greeting)", reply: greeting) }

        var capabilities = try await hello()
        var encrypted = configuration.security == .tls
        if configuration.security == .startTLS || configuration.security == .startTLSIfAvailable {
            if capabilities.offers("STARTTLS") {
                try await command("STARTTLS", expecting: [220])
                try await transport.startTLS()
                encrypted = true
                capabilities = try await hello()
            } else if configuration.security == .startTLS {
                throw SMTPError.tlsNotOffered
            }
        }
        if let username = configuration.username, let password = configuration.password {
            guard encrypted || configuration.security == .none else { throw SMTPError.insecureAuthenticationRefused }
            try await authenticate(username: username, password: password, mechanisms: capabilities.authMechanisms)
        }

        let formatted = try MessageFormatter.format(message, eightBitAllowed: capabilities.allowsEightBit)
        var mailFrom = "MAIL FROM:<\(message.from.address)>"
        if formatted.bodyEncoding == .eightBit && capabilities.offers("8BITMIME") {
            mailFrom += " BODY=8BITMIME"
        }
        try await command(mailFrom, expecting: [250], label: "MAIL FROM")

        var accepted: [MailAddress] = []
        var refused: [SMTPRecipientRefusal] = []
        for recipient in message.recipients {
            let reply = try await exchange("RCPT TO:<\(recipient.address)>")
            if reply.code == 250 || reply.code == 251 {
                accepted.append(recipient)
            } else if (400..<600).contains(reply.code) && reply.code != 421 {
                logger.warning("Recipient refused", metadata: ["recipient": "\(recipient.address)", "reply": "\(reply)"])
                refused.append(SMTPRecipientRefusal(address: recipient, reply: reply))
            } else {
                throw SMTPError.unexpectedReply(command: "RCPT TO", reply: reply)
            }
        }
        guard !accepted.isEmpty else { throw SMTPError.recipientsRefused(refused) }

        try await command("DATA", expecting: [354])
        let final = try await transport.send(data: DotStuffing.apply(to: formatted.bytes))
        logger.debug("S: \(final)")
        guard final.code == 250 else { throw SMTPError.unexpectedReply(command: "end of DATA", reply: final) }
        return SMTPReceipt(messageID: message.messageID, accepted: accepted, refused: refused, serverReply: final)
    }

    /// EHLO, or HELO when the server does not understand EHLO.
    private func hello() async throws -> SMTPCapabilities {
        let reply = try await exchange("EHLO \(configuration.heloName)")
        if reply.code == 250 {
            return SMTPCapabilities(ehloReply: reply)
        }
        guard (500..<600).contains(reply.code) else { throw SMTPError.unexpectedReply(command: "EHLO", reply: reply) }
        try await command("HELO \(configuration.heloName)", expecting: [250])
        return SMTPCapabilities()
    }

    /// AUTH PLAIN (RFC 4616) if offered, else AUTH LOGIN.
    private func authenticate(username: String, password: String, mechanisms: [String]) async throws {
        let base64: (String) -> String = { Data($0.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            let reply = try await exchange("AUTH PLAIN " + base64("\0\(username)\0\(password)"), logAs: "AUTH PLAIN ***")
            guard reply.code == 235 else { throw SMTPError.authenticationFailed(reply) }
        } else if mechanisms.contains("LOGIN") {
            for (line, logged) in [("AUTH LOGIN", "AUTH LOGIN"), (base64(username), "***")] {
                let reply = try await exchange(line, logAs: logged)
                guard reply.code == 334 else { throw SMTPError.authenticationFailed(reply) }
            }
            let reply = try await exchange(base64(password), logAs: "***")
            guard reply.code == 235 else { throw SMTPError.authenticationFailed(reply) }
        } else {
            throw SMTPError.authenticationNotSupported(offered: mechanisms)
        }
    }

    /// Sends `line` and fails with ``SMTPError/unexpectedReply(command:reply:)`` unless the code is expected.
    @discardableResult
    private func command(_ line: String, expecting codes: Set<Int>, label: String? = nil) async throws -> SMTPReply {
        let reply = try await exchange(line)
        guard codes.contains(reply.code) else {
            throw SMTPError.unexpectedReply(command: label ?? line, reply: reply)
        }
        return reply
    }

    private func exchange(_ line: String, logAs logged: String? = nil) async throws -> SMTPReply {
        logger.debug("C: \(logged ?? line)")
        let reply = try await transport.send(line: line)
        logger.debug("S: \(reply)")
        return reply
    }
}

/// Everything that can go wrong while formatting or sending a message.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TCP connection could not be established (refused, unreachable, or the connect timed out).
    case connectionFailed(host: String, port: Int, reason: String)
    /// The server did not answer within ``SMTPConfiguration/timeout``.
    case timeout
    /// The server closed the connection before the dialogue was finished.
    case connectionClosed
    /// ``SMTPConfiguration/Security-swift.enum/startTLS`` was required but the server does not offer STARTTLS.
    case tlsNotOffered
    /// The TLS handshake or the certificate check failed.
    case tlsFailed(reason: String)
    /// Credentials are configured but the connection is not encrypted and
    /// ``SMTPConfiguration/Security-swift.enum/none`` was not chosen explicitly, so they were not sent.
    case insecureAuthenticationRefused
    /// Credentials are configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationNotSupported(offered: [String])
    /// The server rejected the credentials; carries its reply.
    case authenticationFailed(SMTPReply)
    /// Every recipient was refused; carries each address and the server's reply.
    case recipientsRefused([SMTPRecipientRefusal])
    /// The server answered a command with a reply the dialogue cannot continue from.
    case unexpectedReply(command: String, reply: SMTPReply)
    /// The server sent something that is not a valid SMTP reply.
    case malformedReply(String)
    /// An address could not be parsed or is unsafe to use.
    case invalidAddress(String, reason: String)
    /// An extra header has an invalid or reserved name, or an unsafe value.
    case invalidHeader(name: String, reason: String)
    /// The message has neither To nor Cc recipients.
    case noRecipients
    /// A setting in ``SMTPConfiguration`` is unusable.
    case invalidConfiguration(String)

    /// A sentence that says what went wrong, including the server's reply where there is one.
    public var description: String {
        switch self {
        case .connectionFailed(let host, let port, let reason):
            "Could not connect to SMTP server \(host):\(port): \(reason)"
        case .timeout:
            "The SMTP server did not answer in time"
        case .connectionClosed:
            "The SMTP server closed the connection unexpectedly"
        case .tlsNotOffered:
            "STARTTLS is required but the SMTP server does not offer it"
        case .tlsFailed(let reason):
            "TLS with the SMTP server failed: \(reason)"
        case .insecureAuthenticationRefused:
            "Refusing to send credentials over an unencrypted connection (choose security .none to allow it)"
        case .authenticationNotSupported(let offered):
            "The SMTP server offers no supported AUTH mechanism (offered: \(offered.isEmpty ? "none" : offered.joined(separator: " ")))"
        case .authenticationFailed(let reply):
            "SMTP authentication failed: \(reply)"
        case .recipientsRefused(let refusals):
            "Every recipient was refused: "
                + refusals.map { "\($0.address.address) (\($0.reply))" }.joined(separator: ", ")
        case .unexpectedReply(let command, let reply):
            "The SMTP server answered \(command) with \(reply)"
        case .malformedReply(let line):
            "The SMTP server sent a malformed reply: \(line)"
        case .invalidAddress(let text, let reason):
            "Invalid e-mail address \"\(text)\": \(reason)"
        case .invalidHeader(let name, let reason):
            "Invalid header \"\(name)\": \(reason)"
        case .noRecipients:
            "The message has no recipients"
        case .invalidConfiguration(let reason):
            "Invalid SMTP configuration: \(reason)"
        }
    }
}

/// Where and how ``SMTPMailer`` connects.
public struct SMTPConfiguration: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: String, Sendable {
        /// Plain text only. The only setting under which credentials may travel unencrypted.
        case none
        /// Upgrade with STARTTLS; fail with ``SMTPError/tlsNotOffered`` if the server does not offer it.
        case startTLS
        /// Upgrade with STARTTLS when the server offers it, otherwise stay in plain text (and then refuse
        /// to send credentials).
        case startTLSIfAvailable
        /// Implicit TLS from the first byte, usually on port 465.
        case tls
    }

    /// Which certificates the client trusts when it verifies the server.
    public enum TrustRoots: Sendable, Equatable {
        /// The operating system's default trust store.
        case system
        /// Only the certificate(s) in this PEM file, for example a company CA or a self-signed server
        /// certificate. The host name (or IP address) is still verified against the certificate.
        case pemFile(String)
    }

    /// The server's host name or IP address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// How the connection is protected.
    public var security: Security
    /// The user name for SMTP AUTH, or `nil` to send without authenticating.
    public var username: String?
    /// The password for SMTP AUTH.
    public var password: String?
    /// The name this client gives in EHLO/HELO, ideally its fully qualified domain name.
    public var heloName: String
    /// The longest wait for connecting and for each server reply.
    public var timeout: Duration
    /// Which certificates to trust for TLS.
    public var trustRoots: TrustRoots

    /// Creates a configuration.
    /// - Parameter port: by default 465 for ``Security-swift.enum/tls`` and 587 otherwise.
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .startTLS,
        username: String? = nil,
        password: String? = nil,
        heloName: String = "localhost",
        timeout: Duration = .seconds(30),
        trustRoots: TrustRoots = .system
    ) {
        self.host = host
        self.port = port ?? (security == .tls ? 465 : 587)
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.timeout = timeout
        self.trustRoots = trustRoots
    }

    /// Checks the settings that end up in commands or sockets.
    /// - Throws: ``SMTPError/invalidConfiguration(_:)`` naming the first bad setting.
    func validate() throws(SMTPError) {
        guard !host.isEmpty, !host.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .invalidConfiguration("host must be a non-empty name without spaces or control characters")
        }
        guard (1...65535).contains(port) else { throw .invalidConfiguration("port must be between 1 and 65535") }
        guard !heloName.isEmpty, heloName.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw .invalidConfiguration("heloName must be printable ASCII without spaces")
        }
        guard (username == nil) == (password == nil) else {
            throw .invalidConfiguration("username and password must be given together")
        }
        guard timeout > .zero else { throw .invalidConfiguration("timeout must be positive") }
    }
}

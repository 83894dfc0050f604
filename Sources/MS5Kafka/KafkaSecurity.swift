/// How a client authenticates to the brokers and protects the connection.
public enum KafkaSecurity: Sendable, Hashable {
    /// A SASL mechanism librdkafka supports with a user name and password.
    public enum Mechanism: String, Sendable, Hashable {
        /// `PLAIN`: the password travels as it is, so use it over TLS only.
        case plain = "PLAIN"
        /// `SCRAM-SHA-256`.
        case scramSHA256 = "SCRAM-SHA-256"
        /// `SCRAM-SHA-512`.
        case scramSHA512 = "SCRAM-SHA-512"
    }

    /// SASL credentials; their descriptions hide the password.
    public struct SASL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The SASL mechanism.
        public var mechanism: Mechanism
        /// The user name.
        public var username: String
        /// The password.
        public var password: String

        /// Credentials for `mechanism`.
        public init(mechanism: Mechanism, username: String, password: String) {
            self.mechanism = mechanism
            self.username = username
            self.password = password
        }

        /// The mechanism and user name, with the password masked.
        public var description: String {
            "SASL(\(mechanism.rawValue), username: \(username), password: ***)"
        }

        /// The same as ``description``, so that printing a configuration never shows the password.
        public var debugDescription: String { description }
    }

    /// No authentication, no encryption (`security.protocol=plaintext`).
    case plaintext
    /// TLS, verifying the brokers against `caFile` (a PEM file) or else the system's CA certificates.
    case tls(caFile: String? = nil)
    /// SASL authentication over an unencrypted connection (`sasl_plaintext`).
    case saslPlaintext(SASL)
    /// SASL authentication over TLS (`sasl_ssl`), verifying the brokers as ``tls(caFile:)`` does.
    case saslTLS(SASL, caFile: String? = nil)

    /// The librdkafka properties that select this security mode.
    var properties: [(name: String, value: String)] {
        switch self {
        case .plaintext:
            [("security.protocol", "plaintext")]
        case .tls(let caFile):
            [("security.protocol", "ssl")] + Self.caProperties(caFile)
        case .saslPlaintext(let sasl):
            [("security.protocol", "sasl_plaintext")] + Self.saslProperties(sasl)
        case .saslTLS(let sasl, let caFile):
            [("security.protocol", "sasl_ssl")] + Self.saslProperties(sasl) + Self.caProperties(caFile)
        }
    }

    private static func caProperties(_ caFile: String?) -> [(name: String, value: String)] {
        caFile.map { [("ssl.ca.location", $0)] } ?? []
    }

    private static func saslProperties(_ sasl: SASL) -> [(name: String, value: String)] {
        [("sasl.mechanisms", sasl.mechanism.rawValue), ("sasl.username", sasl.username), ("sasl.password", sasl.password)]
    }
}

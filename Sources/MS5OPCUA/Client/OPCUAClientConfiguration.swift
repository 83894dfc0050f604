/// Settings of an ``OPCUAClient``.
public struct OPCUAClientConfiguration: Sendable {
    /// Server endpoint, `opc.tcp://host:port/path`.
    public var endpointURL: String
    /// User identity for the session.
    public var credentials: OPCUACredentials
    /// How long to wait for a response (also used for connecting).
    public var requestTimeout: Duration
    /// Requested secure channel token lifetime; the token is renewed at 75 % of the lifetime the server grants.
    public var secureChannelLifetime: Duration
    /// Requested session timeout.
    public var sessionTimeout: Duration
    /// Session name shown by the server.
    public var sessionName: String

    /// Creates a configuration.
    public init(
        endpointURL: String,
        credentials: OPCUACredentials = .anonymous,
        requestTimeout: Duration = .seconds(10),
        secureChannelLifetime: Duration = .seconds(3600),
        sessionTimeout: Duration = .seconds(60),
        sessionName: String = "MS5 OPC UA client"
    ) {
        self.endpointURL = endpointURL
        self.credentials = credentials
        self.requestTimeout = requestTimeout
        self.secureChannelLifetime = secureChannelLifetime
        self.sessionTimeout = sessionTimeout
        self.sessionName = sessionName
    }
}

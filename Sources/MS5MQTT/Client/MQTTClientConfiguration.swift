import MS5Retry
import NIOSSL

/// Everything ``MQTTClient`` needs to reach and talk to a broker.
public struct MQTTClientConfiguration: Sendable {
    /// Broker host name or IP address.
    public var host: String
    /// Broker TCP port (1883 plain, 8883 TLS by convention).
    public var port: Int
    /// Client identifier; must be stable for a persistent session.
    public var clientIdentifier: String
    /// Protocol revision.
    public var protocolVersion: MQTTProtocolVersion
    /// `true` starts a clean session; `false` resumes the broker-side session (queued QoS 1 messages).
    public var cleanSession: Bool
    /// Keep-alive in seconds; PINGREQ is sent every half interval. 0 disables keep-alive.
    public var keepAlive: UInt16
    /// Optional user name and password.
    public var credentials: MQTTCredentials?
    /// Optional last-will message.
    public var will: MQTTWill?
    /// MQTT 5 session expiry in seconds. `nil` means 0 for clean sessions and "never expires" otherwise.
    public var sessionExpiryInterval: UInt32?
    /// TLS settings; `nil` connects in plain TCP.
    public var tls: TLSConfiguration?
    /// Host name for TLS verification and SNI; defaults to `host` (IP addresses are not sent as SNI).
    public var tlsServerName: String?
    /// Backoff between reconnection attempts after a connection is lost: 100 ms doubling up to
    /// 30 s, ±20 %, for ever, by default.
    public var reconnectPolicy: Backoff
    /// Time allowed for TCP connect plus CONNACK.
    public var connectTimeout: Duration
    /// Largest packet accepted from the broker, in bytes.
    public var maximumPacketSize: Int
    /// Messages published right after every accepted CONNECT, before anything else
    /// (for example a Sparkplug host's online STATE, which must follow each reconnect).
    public var publishOnConnect: [MQTTWill]

    /// Creates a configuration; only the address and client identifier are required.
    public init(
        host: String,
        port: Int = 1883,
        clientIdentifier: String,
        protocolVersion: MQTTProtocolVersion = .v3_1_1,
        cleanSession: Bool = true,
        keepAlive: UInt16 = 30,
        credentials: MQTTCredentials? = nil,
        will: MQTTWill? = nil,
        sessionExpiryInterval: UInt32? = nil,
        tls: TLSConfiguration? = nil,
        tlsServerName: String? = nil,
        reconnectPolicy: Backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(30), jitter: 0.2),
        connectTimeout: Duration = .seconds(10),
        maximumPacketSize: Int = 16 * 1024 * 1024,
        publishOnConnect: [MQTTWill] = []
    ) {
        self.host = host
        self.port = port
        self.clientIdentifier = clientIdentifier
        self.protocolVersion = protocolVersion
        self.cleanSession = cleanSession
        self.keepAlive = keepAlive
        self.credentials = credentials
        self.will = will
        self.sessionExpiryInterval = sessionExpiryInterval
        self.tls = tls
        self.tlsServerName = tlsServerName
        self.reconnectPolicy = reconnectPolicy
        self.connectTimeout = connectTimeout
        self.maximumPacketSize = maximumPacketSize
        self.publishOnConnect = publishOnConnect
    }

    /// The CONNECT packet this configuration produces.
    var connectPacket: MQTTConnectPacket {
        var properties: MQTTProperties = []
        if protocolVersion == .v5 {
            let expiry = sessionExpiryInterval ?? (cleanSession ? 0 : UInt32.max)
            if expiry > 0 { properties.properties.append(MQTTProperty(.sessionExpiryInterval, .fourByteInteger(expiry))) }
            properties.properties.append(
                MQTTProperty(.maximumPacketSize, .fourByteInteger(UInt32(clamping: maximumPacketSize))))
        }
        return MQTTConnectPacket(
            clientIdentifier: clientIdentifier,
            cleanStart: cleanSession,
            keepAlive: keepAlive,
            username: credentials?.username,
            password: credentials.map { Array($0.password.utf8) },
            will: will,
            properties: properties
        )
    }
}

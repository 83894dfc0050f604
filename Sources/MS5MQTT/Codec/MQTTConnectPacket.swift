/// CONNECT: the first packet a client sends.
public struct MQTTConnectPacket: Sendable, Hashable {
    /// The client identifier (may be empty with a clean session).
    public var clientIdentifier: String
    /// Clean session (3.1.1) / clean start (5): discard any previous session.
    public var cleanStart: Bool
    /// Keep-alive in seconds; 0 disables it.
    public var keepAlive: UInt16
    /// Optional user name.
    public var username: String?
    /// Optional password bytes.
    public var password: [UInt8]?
    /// Optional last-will message.
    public var will: MQTTWill?
    /// MQTT 5 connect properties (ignored on MQTT 3.1.1).
    public var properties: MQTTProperties

    /// Creates a CONNECT packet.
    public init(
        clientIdentifier: String,
        cleanStart: Bool,
        keepAlive: UInt16,
        username: String? = nil,
        password: [UInt8]? = nil,
        will: MQTTWill? = nil,
        properties: MQTTProperties = []
    ) {
        self.clientIdentifier = clientIdentifier
        self.cleanStart = cleanStart
        self.keepAlive = keepAlive
        self.username = username
        self.password = password
        self.will = will
        self.properties = properties
    }
}

import NIOCore

/// PUBLISH: an application message, in either direction.
public struct MQTTPublishPacket: Sendable, Hashable {
    /// The topic name (no wildcards).
    public var topic: String
    /// The application payload.
    public var payload: ByteBuffer
    /// Delivery QoS.
    public var qos: MQTTQoS
    /// Retain flag.
    public var retain: Bool
    /// Duplicate flag: set on a redelivery of a QoS 1 message.
    public var duplicate: Bool
    /// Packet identifier; present exactly when `qos` is above 0.
    public var packetIdentifier: UInt16?
    /// MQTT 5 publish properties.
    public var properties: MQTTProperties

    /// Creates a PUBLISH packet.
    public init(
        topic: String,
        payload: ByteBuffer,
        qos: MQTTQoS = .atMostOnce,
        retain: Bool = false,
        duplicate: Bool = false,
        packetIdentifier: UInt16? = nil,
        properties: MQTTProperties = []
    ) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
        self.duplicate = duplicate
        self.packetIdentifier = packetIdentifier
        self.properties = properties
    }
}

import NIOCore

/// The last-will message the broker publishes when the connection ends without DISCONNECT.
public struct MQTTWill: Sendable, Hashable {
    /// Topic the will is published to.
    public var topic: String
    /// The will's payload.
    public var payload: ByteBuffer
    /// QoS of the will publish.
    public var qos: MQTTQoS
    /// Whether the broker retains the will.
    public var retain: Bool
    /// MQTT 5 will properties (ignored on MQTT 3.1.1).
    public var properties: MQTTProperties

    /// Creates a will message.
    public init(
        topic: String,
        payload: ByteBuffer,
        qos: MQTTQoS = .atLeastOnce,
        retain: Bool = false,
        properties: MQTTProperties = []
    ) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
        self.properties = properties
    }
}

import Foundation
import NIOCore

/// An application message received from the broker.
public struct MQTTMessage: Sendable, Hashable {
    /// The topic it was published to.
    public var topic: String
    /// The raw payload.
    public var payload: ByteBuffer
    /// The QoS it was delivered with.
    public var qos: MQTTQoS
    /// Whether it is a retained message (sent on subscription).
    public var retain: Bool
    /// Whether the broker marked it as a possible redelivery.
    public var duplicate: Bool
    /// When this client decoded it.
    public var receivedAt: Date
    /// MQTT 5 publish properties (empty on 3.1.1).
    public var properties: MQTTProperties

    /// Creates a message.
    public init(
        topic: String,
        payload: ByteBuffer,
        qos: MQTTQoS = .atMostOnce,
        retain: Bool = false,
        duplicate: Bool = false,
        receivedAt: Date = Date(),
        properties: MQTTProperties = []
    ) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
        self.duplicate = duplicate
        self.receivedAt = receivedAt
        self.properties = properties
    }

    /// The payload bytes as an array.
    public var payloadBytes: [UInt8] { Array(payload.readableBytesView) }

    /// The payload decoded as UTF-8 (invalid sequences repaired).
    public var payloadString: String { String(decoding: payload.readableBytesView, as: UTF8.self) }
}

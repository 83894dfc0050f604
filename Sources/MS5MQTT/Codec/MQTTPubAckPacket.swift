/// PUBACK: acknowledges a QoS 1 PUBLISH, in either direction.
public struct MQTTPubAckPacket: Sendable, Hashable {
    /// Identifier of the acknowledged PUBLISH.
    public var packetIdentifier: UInt16
    /// MQTT 5 outcome (always success on 3.1.1).
    public var reasonCode: MQTTReasonCode
    /// MQTT 5 properties.
    public var properties: MQTTProperties

    /// Creates a PUBACK packet.
    public init(packetIdentifier: UInt16, reasonCode: MQTTReasonCode = .success, properties: MQTTProperties = []) {
        self.packetIdentifier = packetIdentifier
        self.reasonCode = reasonCode
        self.properties = properties
    }
}

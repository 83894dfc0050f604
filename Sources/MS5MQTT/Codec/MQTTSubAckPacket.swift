/// SUBACK: the server's answer to SUBSCRIBE, one reason code per filter.
public struct MQTTSubAckPacket: Sendable, Hashable {
    /// Identifier of the answered SUBSCRIBE.
    public var packetIdentifier: UInt16
    /// Granted QoS or failure for each filter, in request order.
    public var reasonCodes: [MQTTReasonCode]
    /// MQTT 5 properties.
    public var properties: MQTTProperties

    /// Creates a SUBACK packet.
    public init(packetIdentifier: UInt16, reasonCodes: [MQTTReasonCode], properties: MQTTProperties = []) {
        self.packetIdentifier = packetIdentifier
        self.reasonCodes = reasonCodes
        self.properties = properties
    }
}

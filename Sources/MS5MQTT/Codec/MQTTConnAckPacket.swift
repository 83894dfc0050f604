/// CONNACK: the server's answer to CONNECT.
public struct MQTTConnAckPacket: Sendable, Hashable {
    /// Whether the server resumed a stored session.
    public var sessionPresent: Bool
    /// The outcome; 3.1.1 return codes are mapped onto MQTT 5 codes.
    public var reasonCode: MQTTReasonCode
    /// MQTT 5 CONNACK properties.
    public var properties: MQTTProperties

    /// Creates a CONNACK packet.
    public init(sessionPresent: Bool, reasonCode: MQTTReasonCode, properties: MQTTProperties = []) {
        self.sessionPresent = sessionPresent
        self.reasonCode = reasonCode
        self.properties = properties
    }
}

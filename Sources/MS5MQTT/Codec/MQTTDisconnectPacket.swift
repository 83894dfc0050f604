/// DISCONNECT: a clean end of the connection (sent by the server too on MQTT 5).
public struct MQTTDisconnectPacket: Sendable, Hashable {
    /// Why the connection ends (always success on 3.1.1).
    public var reasonCode: MQTTReasonCode
    /// MQTT 5 properties, such as a reason string.
    public var properties: MQTTProperties

    /// Creates a DISCONNECT packet.
    public init(reasonCode: MQTTReasonCode = .success, properties: MQTTProperties = []) {
        self.reasonCode = reasonCode
        self.properties = properties
    }
}

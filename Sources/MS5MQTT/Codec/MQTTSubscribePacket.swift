/// SUBSCRIBE: requests one or more subscriptions.
public struct MQTTSubscribePacket: Sendable, Hashable {
    /// Identifier the SUBACK echoes.
    public var packetIdentifier: UInt16
    /// The filters requested, in order.
    public var subscriptions: [MQTTSubscription]
    /// MQTT 5 properties.
    public var properties: MQTTProperties

    /// Creates a SUBSCRIBE packet.
    public init(packetIdentifier: UInt16, subscriptions: [MQTTSubscription], properties: MQTTProperties = []) {
        self.packetIdentifier = packetIdentifier
        self.subscriptions = subscriptions
        self.properties = properties
    }
}

/// Every MQTT control packet this client sends or receives.
public enum MQTTPacket: Sendable, Hashable {
    /// CONNECT (client to server).
    case connect(MQTTConnectPacket)
    /// CONNACK (server to client).
    case connAck(MQTTConnAckPacket)
    /// PUBLISH (both directions).
    case publish(MQTTPublishPacket)
    /// PUBACK (both directions).
    case pubAck(MQTTPubAckPacket)
    /// SUBSCRIBE (client to server).
    case subscribe(MQTTSubscribePacket)
    /// SUBACK (server to client).
    case subAck(MQTTSubAckPacket)
    /// PINGREQ (client to server).
    case pingReq
    /// PINGRESP (server to client).
    case pingResp
    /// DISCONNECT (client to server; also server to client on MQTT 5).
    case disconnect(MQTTDisconnectPacket)

    /// The packet type number in the fixed header's high nibble.
    public var typeNumber: UInt8 {
        switch self {
        case .connect: 1
        case .connAck: 2
        case .publish: 3
        case .pubAck: 4
        case .subscribe: 8
        case .subAck: 9
        case .pingReq: 12
        case .pingResp: 13
        case .disconnect: 14
        }
    }
}

import NIOCore

/// Turns the packets a client sends into bytes. Pure: no I/O, no state.
public struct MQTTPacketEncoder: Sendable {
    /// The protocol revision that decides whether properties are written.
    public var version: MQTTProtocolVersion

    /// Creates an encoder for `version`.
    public init(version: MQTTProtocolVersion) {
        self.version = version
    }

    /// Appends the complete packet (fixed header, variable header, payload) to `buffer`.
    /// - Throws: ``MQTTCodecError`` when a field does not fit, or for packets only a server sends.
    public func encode(_ packet: MQTTPacket, into buffer: inout ByteBuffer) throws {
        var body = ByteBuffer()
        var flags: UInt8 = 0
        switch packet {
        case .connect(let connect):
            try writeConnect(connect, to: &body)
        case .publish(let publish):
            flags = (publish.duplicate ? 0x08 : 0) | publish.qos.rawValue << 1 | (publish.retain ? 0x01 : 0)
            try writePublish(publish, to: &body)
        case .pubAck(let ack):
            body.writeInteger(ack.packetIdentifier)
            if version == .v5, ack.reasonCode != .success || !ack.properties.properties.isEmpty {
                body.writeInteger(ack.reasonCode.rawValue)
                try ack.properties.write(to: &body)
            }
        case .subscribe(let subscribe):
            flags = 0x02
            try writeSubscribe(subscribe, to: &body)
        case .pingReq:
            break
        case .disconnect(let disconnect):
            if version == .v5, disconnect.reasonCode != .success || !disconnect.properties.properties.isEmpty {
                body.writeInteger(disconnect.reasonCode.rawValue)
                try disconnect.properties.write(to: &body)
            }
        case .connAck, .subAck, .pingResp:
            throw MQTTCodecError.unexpectedPacketType(packet.typeNumber)
        }
        buffer.writeInteger(packet.typeNumber << 4 | flags)
        try MQTTVariableByteInteger.write(body.readableBytes, to: &buffer)
        buffer.writeImmutableBuffer(body)
    }

    private func writeConnect(_ connect: MQTTConnectPacket, to body: inout ByteBuffer) throws {
        try body.writeMQTTString("MQTT", field: "protocol name")
        body.writeInteger(version.rawValue)
        var connectFlags: UInt8 = connect.cleanStart ? 0x02 : 0
        if let will = connect.will {
            connectFlags |= 0x04 | will.qos.rawValue << 3 | (will.retain ? 0x20 : 0)
        }
        if connect.password != nil { connectFlags |= 0x40 }
        if connect.username != nil { connectFlags |= 0x80 }
        body.writeInteger(connectFlags)
        body.writeInteger(connect.keepAlive)
        if version == .v5 { try connect.properties.write(to: &body) }
        try body.writeMQTTString(connect.clientIdentifier, field: "client identifier")
        if let will = connect.will {
            if version == .v5 { try will.properties.write(to: &body) }
            try body.writeMQTTString(will.topic, field: "will topic")
            try body.writeMQTTBinary(Array(will.payload.readableBytesView), field: "will payload")
        }
        if let username = connect.username { try body.writeMQTTString(username, field: "user name") }
        if let password = connect.password { try body.writeMQTTBinary(password, field: "password") }
    }

    private func writePublish(_ publish: MQTTPublishPacket, to body: inout ByteBuffer) throws {
        try body.writeMQTTString(publish.topic, field: "topic name")
        if publish.qos != .atMostOnce {
            guard let identifier = publish.packetIdentifier else {
                throw MQTTCodecError.malformedPacket("a QoS \(publish.qos.rawValue) PUBLISH needs a packet identifier")
            }
            body.writeInteger(identifier)
        }
        if version == .v5 { try publish.properties.write(to: &body) }
        body.writeImmutableBuffer(publish.payload)
    }

    private func writeSubscribe(_ subscribe: MQTTSubscribePacket, to body: inout ByteBuffer) throws {
        guard !subscribe.subscriptions.isEmpty else {
            throw MQTTCodecError.malformedPacket("SUBSCRIBE needs at least one topic filter")
        }
        body.writeInteger(subscribe.packetIdentifier)
        if version == .v5 { try subscribe.properties.write(to: &body) }
        for subscription in subscribe.subscriptions {
            try body.writeMQTTString(subscription.filter, field: "topic filter")
            body.writeInteger(subscription.qos.rawValue)
        }
    }
}

import NIOCore

/// Turns bytes from a server into packets. Pure: no I/O; consumes whole packets only.
public struct MQTTPacketDecoder: Sendable {
    /// The protocol revision that decides whether properties are read.
    public var version: MQTTProtocolVersion
    /// Packets larger than this (fixed header included) are rejected.
    public var maximumPacketSize: Int

    /// Creates a decoder for `version`.
    public init(version: MQTTProtocolVersion, maximumPacketSize: Int = MQTTVariableByteInteger.maximum) {
        self.version = version
        self.maximumPacketSize = maximumPacketSize
    }

    /// Decodes one packet from the front of `buffer`.
    ///
    /// - Returns: the packet, or `nil` without consuming anything when the buffer holds only part of one.
    /// - Throws: ``MQTTCodecError`` when the bytes are not a valid packet for a client to receive.
    public func decode(from buffer: inout ByteBuffer) throws -> MQTTPacket? {
        var cursor = buffer
        guard let header = cursor.readInteger(as: UInt8.self),
            let length = try MQTTVariableByteInteger.read(from: &cursor)
        else { return nil }
        let total = cursor.readerIndex - buffer.readerIndex + length
        guard total <= maximumPacketSize else {
            throw MQTTCodecError.packetTooLarge(size: total, maximum: maximumPacketSize)
        }
        guard var body = cursor.readSlice(length: length) else { return nil }
        buffer.moveReaderIndex(to: cursor.readerIndex)
        let packet = try decodeBody(type: header >> 4, flags: header & 0x0F, body: &body)
        guard body.readableBytes == 0 else {
            throw MQTTCodecError.malformedPacket("\(body.readableBytes) unexpected trailing bytes")
        }
        return packet
    }

    private func decodeBody(type: UInt8, flags: UInt8, body: inout ByteBuffer) throws -> MQTTPacket {
        if type != 3, flags != 0 {
            throw MQTTCodecError.invalidFlags(packetType: type, flags: flags)
        }
        switch type {
        case 2: return .connAck(try decodeConnAck(&body))
        case 3: return .publish(try decodePublish(flags: flags, body: &body))
        case 4: return .pubAck(try decodePubAck(&body))
        case 9: return .subAck(try decodeSubAck(&body))
        case 13: return .pingResp
        case 14: return .disconnect(try decodeDisconnect(&body))
        default: throw MQTTCodecError.unexpectedPacketType(type)
        }
    }

    private func decodeConnAck(_ body: inout ByteBuffer) throws -> MQTTConnAckPacket {
        let acknowledgeFlags = try body.readMQTTInteger(UInt8.self, field: "CONNACK flags")
        let code = try body.readMQTTInteger(UInt8.self, field: "CONNACK reason code")
        guard version == .v5 else {
            return MQTTConnAckPacket(
                sessionPresent: acknowledgeFlags & 0x01 != 0, reasonCode: MQTTReasonCode(connectReturnCode: code))
        }
        let properties = body.readableBytes > 0 ? try MQTTProperties.read(from: &body) : []
        return MQTTConnAckPacket(
            sessionPresent: acknowledgeFlags & 0x01 != 0, reasonCode: MQTTReasonCode(rawValue: code),
            properties: properties)
    }

    private func decodePublish(flags: UInt8, body: inout ByteBuffer) throws -> MQTTPublishPacket {
        guard let qos = MQTTQoS(rawValue: (flags >> 1) & 0x03) else {
            throw MQTTCodecError.invalidFlags(packetType: 3, flags: flags)
        }
        let topic = try body.readMQTTString(field: "topic name")
        let identifier = qos == .atMostOnce ? nil : try body.readMQTTInteger(UInt16.self, field: "packet identifier")
        let properties = version == .v5 ? try MQTTProperties.read(from: &body) : []
        let payload = body.readSlice(length: body.readableBytes) ?? ByteBuffer()
        return MQTTPublishPacket(
            topic: topic, payload: payload, qos: qos, retain: flags & 0x01 != 0, duplicate: flags & 0x08 != 0,
            packetIdentifier: identifier, properties: properties)
    }

    private func decodePubAck(_ body: inout ByteBuffer) throws -> MQTTPubAckPacket {
        let identifier = try body.readMQTTInteger(UInt16.self, field: "packet identifier")
        guard version == .v5, body.readableBytes > 0 else {
            return MQTTPubAckPacket(packetIdentifier: identifier)
        }
        let code = MQTTReasonCode(rawValue: try body.readMQTTInteger(UInt8.self, field: "PUBACK reason code"))
        let properties = body.readableBytes > 0 ? try MQTTProperties.read(from: &body) : []
        return MQTTPubAckPacket(packetIdentifier: identifier, reasonCode: code, properties: properties)
    }

    private func decodeSubAck(_ body: inout ByteBuffer) throws -> MQTTSubAckPacket {
        let identifier = try body.readMQTTInteger(UInt16.self, field: "packet identifier")
        let properties = version == .v5 ? try MQTTProperties.read(from: &body) : []
        var codes: [MQTTReasonCode] = []
        while let code = body.readInteger(as: UInt8.self) {
            codes.append(MQTTReasonCode(rawValue: code))
        }
        guard !codes.isEmpty else { throw MQTTCodecError.malformedPacket("SUBACK without reason codes") }
        return MQTTSubAckPacket(packetIdentifier: identifier, reasonCodes: codes, properties: properties)
    }

    private func decodeDisconnect(_ body: inout ByteBuffer) throws -> MQTTDisconnectPacket {
        guard body.readableBytes > 0 else { return MQTTDisconnectPacket() }
        let code = MQTTReasonCode(rawValue: try body.readMQTTInteger(UInt8.self, field: "DISCONNECT reason code"))
        let properties = body.readableBytes > 0 ? try MQTTProperties.read(from: &body) : []
        return MQTTDisconnectPacket(reasonCode: code, properties: properties)
    }
}

import MS5MQTT
import NIOCore
import Testing

@Suite("MQTT codec")
struct CodecTests {
    @Test("variable byte integers use the specification's boundary lengths", arguments: [
        (0, [0x00]), (127, [0x7F]), (128, [0x80, 0x01]), (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]),
        (2_097_151, [0xFF, 0xFF, 0x7F]), (2_097_152, [0x80, 0x80, 0x80, 0x01]), (268_435_455, [0xFF, 0xFF, 0xFF, 0x7F]),
    ] as [(Int, [UInt8])])
    func variableByteInteger(value: Int, bytes: [UInt8]) throws {
        var buffer = ByteBuffer()
        try MQTTVariableByteInteger.write(value, to: &buffer)
        #expect(Array(buffer.readableBytesView) == bytes)
        #expect(MQTTVariableByteInteger.encodedLength(of: value) == bytes.count)
        #expect(try MQTTVariableByteInteger.read(from: &buffer) == value)
        #expect(buffer.readableBytes == 0)
    }

    @Test("variable byte integers: too large, truncated and five-byte inputs")
    func variableByteIntegerErrors() throws {
        var buffer = ByteBuffer()
        #expect(throws: MQTTCodecError.valueTooLarge(field: "variable byte integer", value: 268_435_456)) {
            try MQTTVariableByteInteger.write(268_435_456, to: &buffer)
        }
        var truncated = ByteBuffer(bytes: [0x80, 0x80])
        #expect(try MQTTVariableByteInteger.read(from: &truncated) == nil)
        #expect(truncated.readableBytes == 2)
        var tooLong = ByteBuffer(bytes: [0x80, 0x80, 0x80, 0x80, 0x01])
        #expect(throws: MQTTCodecError.malformedVariableByteInteger) { try MQTTVariableByteInteger.read(from: &tooLong) }
    }

    @Test("CONNECT 3.1.1 with credentials and will, byte by byte")
    func connect311() throws {
        let will = MQTTWill(topic: "w", payload: ByteBuffer(string: "x"), qos: .atLeastOnce, retain: true)
        let packet = MQTTConnectPacket(
            clientIdentifier: "c1", cleanStart: true, keepAlive: 60, username: "u", password: Array("p".utf8),
            will: will)
        var buffer = ByteBuffer()
        try MQTTPacketEncoder(version: .v3_1_1).encode(.connect(packet), into: &buffer)
        let expected: [UInt8] = [
            0x10, 26,  // CONNECT, remaining length
            0x00, 0x04, 0x4D, 0x51, 0x54, 0x54,  // "MQTT"
            0x04,  // level 4
            0b1110_1110,  // user, password, will retain, will QoS 1, will, clean session
            0x00, 0x3C,  // keep-alive 60
            0x00, 0x02, 0x63, 0x31,  // "c1"
            0x00, 0x01, 0x77,  // will topic "w"
            0x00, 0x01, 0x78,  // will payload "x"
            0x00, 0x01, 0x75,  // "u"
            0x00, 0x01, 0x70,  // "p"
        ]
        #expect(Array(buffer.readableBytesView) == expected)
    }

    @Test("CONNECT 5 carries the session expiry property")
    func connect5() throws {
        let packet = MQTTConnectPacket(
            clientIdentifier: "c", cleanStart: false, keepAlive: 10,
            properties: [MQTTProperty(.sessionExpiryInterval, .fourByteInteger(300))])
        var buffer = ByteBuffer()
        try MQTTPacketEncoder(version: .v5).encode(.connect(packet), into: &buffer)
        let expected: [UInt8] = [
            0x10, 19, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x05, 0x00, 0x00, 0x0A,
            0x05, 0x11, 0x00, 0x00, 0x01, 0x2C,  // properties: length 5, session expiry 300
            0x00, 0x01, 0x63,
        ]
        #expect(Array(buffer.readableBytesView) == expected)
    }

    @Test("SUBSCRIBE uses flags 0b0010 and one options byte per filter")
    func subscribe() throws {
        let packet = MQTTSubscribePacket(packetIdentifier: 7, subscriptions: [MQTTSubscription("a/+", qos: .atLeastOnce)])
        var buffer = ByteBuffer()
        try MQTTPacketEncoder(version: .v5).encode(.subscribe(packet), into: &buffer)
        #expect(Array(buffer.readableBytesView) == [0x82, 9, 0x00, 0x07, 0x00, 0x00, 0x03, 0x61, 0x2F, 0x2B, 0x01])
    }

    @Test("PUBLISH QoS 1 round-trips through encoder and decoder", arguments: [MQTTProtocolVersion.v3_1_1, .v5])
    func publishRoundTrip(version: MQTTProtocolVersion) throws {
        let properties: MQTTProperties =
            version == .v5 ? [MQTTProperty(.userProperty, .stringPair("unit", "pcs")), MQTTProperty(.contentType, .string("json"))] : []
        let packet = MQTTPublishPacket(
            topic: "plant/line1/count", payload: ByteBuffer(string: "{\"value\":5}"), qos: .atLeastOnce,
            retain: true, duplicate: true, packetIdentifier: 513, properties: properties)
        var buffer = ByteBuffer()
        try MQTTPacketEncoder(version: version).encode(.publish(packet), into: &buffer)
        #expect(buffer.getInteger(at: 0, as: UInt8.self) == 0x3B)
        let decoded = try MQTTPacketDecoder(version: version).decode(from: &buffer)
        #expect(decoded == .publish(packet))
        #expect(buffer.readableBytes == 0)
    }

    @Test("a partial packet decodes to nil and consumes nothing")
    func partialPacket() throws {
        var buffer = ByteBuffer(bytes: [0x90, 0x03, 0x00])
        #expect(try MQTTPacketDecoder(version: .v3_1_1).decode(from: &buffer) == nil)
        #expect(buffer.readableBytes == 3)
        buffer.writeBytes([0x01, 0x80])
        #expect(
            try MQTTPacketDecoder(version: .v3_1_1).decode(from: &buffer)
                == .subAck(MQTTSubAckPacket(packetIdentifier: 1, reasonCodes: [.unspecifiedError])))
    }

    @Test("CONNACK return codes of 3.1.1 map onto MQTT 5 reason codes")
    func connAck311() throws {
        var buffer = ByteBuffer(bytes: [0x20, 0x02, 0x00, 0x05])
        let packet = try MQTTPacketDecoder(version: .v3_1_1).decode(from: &buffer)
        #expect(packet == .connAck(MQTTConnAckPacket(sessionPresent: false, reasonCode: .notAuthorized)))
        #expect(MQTTReasonCode.notAuthorized.description == "not authorized (0x87)")
    }

    @Test("CONNACK 5 with session present, reason and reason string")
    func connAck5() throws {
        var buffer = ByteBuffer(bytes: [0x20, 0x09, 0x01, 0x86, 0x06, 0x1F, 0x00, 0x03, 0x62, 0x61, 0x64])
        guard case .connAck(let packet) = try MQTTPacketDecoder(version: .v5).decode(from: &buffer) else {
            Issue.record("expected CONNACK")
            return
        }
        #expect(packet.sessionPresent)
        #expect(packet.reasonCode == .badUserNameOrPassword)
        #expect(packet.properties.reasonString == "bad")
        #expect(!packet.reasonCode.isSuccess)
    }

    @Test("malformed inputs are rejected with a reason")
    func malformed() throws {
        let decoder = MQTTPacketDecoder(version: .v3_1_1, maximumPacketSize: 16)
        var wrongFlags = ByteBuffer(bytes: [0x22, 0x02, 0x00, 0x00])
        #expect(throws: MQTTCodecError.invalidFlags(packetType: 2, flags: 2)) { try decoder.decode(from: &wrongFlags) }
        var qos3 = ByteBuffer(bytes: [0x36, 0x03, 0x00, 0x01, 0x61])
        #expect(throws: MQTTCodecError.invalidFlags(packetType: 3, flags: 6)) { try decoder.decode(from: &qos3) }
        var tooLarge = ByteBuffer(bytes: [0x30, 0x20])
        #expect(throws: MQTTCodecError.packetTooLarge(size: 34, maximum: 16)) { try decoder.decode(from: &tooLarge) }
        var serverOnly = ByteBuffer(bytes: [0x10, 0x00])
        #expect(throws: MQTTCodecError.unexpectedPacketType(1)) { try decoder.decode(from: &serverOnly) }
        var trailing = ByteBuffer(bytes: [0xD0, 0x01, 0x00])
        #expect(throws: MQTTCodecError.malformedPacket("1 unexpected trailing bytes")) { try decoder.decode(from: &trailing) }
    }
}

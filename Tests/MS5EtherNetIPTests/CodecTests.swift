import MS5EtherNetIP
import Testing

/// Byte-for-byte checks of frames against the layouts in the EtherNet/IP and CIP specifications.
@Suite struct CodecTests {
    @Test func registerSessionFrame() throws {
        let packet = EncapsulationPacket(command: .registerSession, senderContext: 0x0807_0605_0403_0201, data: [0x01, 0x00, 0x00, 0x00])
        let expected: [UInt8] = [
            0x65, 0x00,              // command RegisterSession, little-endian
            0x04, 0x00,              // length of the data: 4
            0x00, 0x00, 0x00, 0x00,  // session handle: none yet
            0x00, 0x00, 0x00, 0x00,  // status: success
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,  // sender context
            0x00, 0x00, 0x00, 0x00,  // options
            0x01, 0x00,              // protocol version 1
            0x00, 0x00,              // option flags
        ]
        #expect(packet.encoded() == expected)
        #expect(try EncapsulationPacket.decode(expected) == packet)
    }

    @Test func sendRRDataWithReadTag() throws {
        let request = LogixTagService.readTag(CIPPath([.symbol("Counter")]), count: 1)
        let cip: [UInt8] = [
            0x4C,                    // Read Tag service
            0x05,                    // path size in words
            0x91, 0x07,              // ANSI extended symbol, 7 characters
            0x43, 0x6F, 0x75, 0x6E, 0x74, 0x65, 0x72,  // "Counter"
            0x00,                    // pad to an even length
            0x01, 0x00,              // element count 1
        ]
        #expect(request.encoded() == cip)
        let envelope = MessagingEnvelope(timeout: 10, packet: .unconnected(cip)).encoded()
        let expected: [UInt8] = [
            0x00, 0x00, 0x00, 0x00,  // interface handle: CIP
            0x0A, 0x00,              // timeout 10 s
            0x02, 0x00,              // two CPF items
            0x00, 0x00, 0x00, 0x00,  // null address item, length 0
            0xB2, 0x00, 0x0E, 0x00,  // unconnected data item, length 14
        ] + cip
        #expect(envelope == expected)
    }

    @Test func connectedDataItem() throws {
        let envelope = MessagingEnvelope(packet: .connected(connectionID: 0x1122_3344, sequence: 7, message: [0x4C, 0x00])).encoded()
        let expected: [UInt8] = [
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // interface handle, timeout
            0x02, 0x00,                          // two items
            0xA1, 0x00, 0x04, 0x00, 0x44, 0x33, 0x22, 0x11,  // connected address item: connection id
            0xB1, 0x00, 0x04, 0x00, 0x07, 0x00, 0x4C, 0x00,  // connected data item: sequence 7, message
        ]
        #expect(envelope == expected)
        let decoded = try MessagingEnvelope.decode(expected).connectedMessage()
        #expect(decoded.connectionID == 0x1122_3344 && decoded.sequence == 7 && decoded.message == [0x4C, 0x00])
    }

    @Test func pathSegments() throws {
        // Element segments: 8-bit 0x28, 16-bit 0x29 with pad, 32-bit 0x2A with pad.
        #expect(CIPPath([.symbol("Tag"), .element(3)]).encoded() == [0x91, 0x03, 0x54, 0x61, 0x67, 0x00, 0x28, 0x03])
        #expect(CIPPath([.element(300)]).encoded() == [0x29, 0x00, 0x2C, 0x01])
        #expect(CIPPath([.element(70_000)]).encoded() == [0x2A, 0x00, 0x70, 0x11, 0x01, 0x00])
        // Even-length symbol: no pad.
        #expect(CIPPath([.symbol("AB")]).encoded() == [0x91, 0x02, 0x41, 0x42])
        // Logical class 0x6B, 16-bit instance 0x1234, attribute 3.
        #expect(CIPPath([.classID(0x6B), .instance(0x1234), .attribute(3)]).encoded() == [0x20, 0x6B, 0x25, 0x00, 0x34, 0x12, 0x30, 0x03])
        // Port segment: backplane (port 1), slot 2; then the Message Router.
        #expect(CIPPath([.port(number: 1, link: 2), .classID(2), .instance(1)]).encoded() == [0x01, 0x02, 0x20, 0x02, 0x24, 0x01])
        let bytes: [UInt8] = [0x91, 0x03, 0x54, 0x61, 0x67, 0x00, 0x29, 0x00, 0x2C, 0x01, 0x91, 0x03, 0x41, 0x43, 0x43, 0x00]
        var reader = WireReader(bytes)
        #expect(try CIPPath.decode(from: &reader, byteCount: bytes.count) == CIPPath([.symbol("Tag"), .element(300), .symbol("ACC")]))
    }

    @Test func multipleServicePacket() throws {
        let first: [UInt8] = [0x4C, 0x01, 0x28, 0x00]
        let second: [UInt8] = [0x4C, 0x02, 0x28, 0x00, 0x01, 0x00]
        let request = MultipleServicePacket.request([first, second]).encoded()
        let expected: [UInt8] = [
            0x0A, 0x02, 0x20, 0x02, 0x24, 0x01,  // Multiple Service Packet to the Message Router
            0x02, 0x00,                          // two services
            0x06, 0x00, 0x0A, 0x00,              // offsets from the count field: 6 and 10
        ] + first + second
        #expect(request == expected)
        // Reply: embedded service error overall, first OK with a DINT, second path error.
        let reply: [UInt8] = [
            0x8A, 0x00, 0x1E, 0x00,
            0x02, 0x00, 0x06, 0x00, 0x10, 0x00,
            0xCC, 0x00, 0x00, 0x00, 0xC4, 0x00, 0x2A, 0x00, 0x00, 0x00,  // DINT 42
            0xCC, 0x00, 0x05, 0x00,                                      // path destination unknown
        ]
        let replies = try MultipleServicePacket.parseReply(CIPResponse.decode(reply))
        #expect(replies.count == 2)
        #expect(try CIPValueCoding.decode(LogixTagService.parseReadReply(replies[0]).type, bytes: LogixTagService.parseReadReply(replies[0]).data) == .dint(42))
        #expect(replies[1].error == .tagNotFound(general: 0x05))
    }

    @Test func statusDecoding() throws {
        // Read Tag reply: general 0xFF with one extended word 0x2107 (Logix type mismatch).
        let response = try CIPResponse.decode([0xCC, 0x00, 0xFF, 0x01, 0x07, 0x21])
        #expect(response.error == .dataTypeMismatch)
        #expect(CIPError(general: 0x04, extended: []) == .tagNotFound(general: 0x04))
        #expect(CIPError(general: 0x0F, extended: []) == .privilegeViolation)
        #expect(CIPError(general: 0x07, extended: []) == .connectionLost)
        #expect(CIPError(general: 0x01, extended: [0x0100]) == .connectionFailure(extended: 0x0100))
        #expect(throws: EtherNetIPError.self) { try CIPResponse.decode([0xCC, 0x00, 0xFF, 0x02, 0x07]) }
    }

    @Test func forwardOpenAndUnconnectedSend() throws {
        let open = ForwardOpenRequest(large: false, connectionSize: 504, targetToOriginatorID: 0x0102_0304, connectionSerial: 0x0A0B, vendorID: 0x1337, originatorSerial: 0x0C0D_0E0F, rpi: 2_000_000, connectionPath: CIPPath([.port(number: 1, link: 0), .classID(2), .instance(1)]))
        let expected: [UInt8] = [
            0x54, 0x02, 0x20, 0x06, 0x24, 0x01,  // Forward Open to the Connection Manager
            0x0A, 0x0E,                          // priority/time tick, timeout ticks
            0x00, 0x00, 0x00, 0x00,              // O->T id (target chooses)
            0x04, 0x03, 0x02, 0x01,              // T->O id
            0x0B, 0x0A, 0x37, 0x13,              // connection serial, vendor
            0x0F, 0x0E, 0x0D, 0x0C,              // originator serial
            0x03, 0x00, 0x00, 0x00,              // timeout multiplier, reserved
            0x80, 0x84, 0x1E, 0x00, 0xF8, 0x43,  // O->T RPI 2 s, parameters 0x43F8 (P2P, variable, 504)
            0x80, 0x84, 0x1E, 0x00, 0xF8, 0x43,  // T->O RPI and parameters
            0xA3,                                // class 3, application triggered
            0x03, 0x01, 0x00, 0x20, 0x02, 0x24, 0x01,  // path: 3 words, port 1 slot 0, Message Router
        ]
        #expect(open.request().encoded() == expected)
        #expect(try ForwardOpenRequest.decode(service: 0x54, data: Array(expected[6...])) == open)
        let large = ForwardOpenRequest(large: true, connectionSize: 4002, targetToOriginatorID: 1, connectionSerial: 1, originatorSerial: 1, connectionPath: .messageRouter)
        #expect(large.networkParameters == 0x4200_0FA2)

        let send = ConnectionManagerService.unconnectedSend(CIPRequest(service: 0x01, path: .identity), routePath: CIPPath([.port(number: 1, link: 3)])).encoded()
        #expect(send == [0x52, 0x02, 0x20, 0x06, 0x24, 0x01, 0x0A, 0x0E, 0x06, 0x00, 0x01, 0x02, 0x20, 0x01, 0x24, 0x01, 0x01, 0x00, 0x01, 0x03])
    }

    @Test func valuesAndLogixString() throws {
        #expect(try CIPValueCoding.encode(.real(1.5), as: .real) == [0x00, 0x00, 0xC0, 0x3F])
        #expect(try CIPValueCoding.encode(.dint(5), as: .int) == [0x05, 0x00])
        #expect(throws: EtherNetIPError.self) { try CIPValueCoding.encode(.dint(70_000), as: .int) }
        let string = try CIPValueCoding.encode(.string("AB"), as: .logixString)
        #expect(string.count == 88 && Array(string.prefix(6)) == [0x02, 0x00, 0x00, 0x00, 0x41, 0x42])
        #expect(try CIPValueCoding.decode(.logixString, bytes: string) == .string("AB"))
        var writer = WireWriter()
        CIPDataType.logixString.encode(into: &writer)
        #expect(writer.bytes == [0xA0, 0x02, 0xCE, 0x0F])
    }
}

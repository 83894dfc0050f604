import MS5Modbus
import NIOCore
import Testing

@Suite struct FrameCodecTests {
    private func pdu(_ bytes: [UInt8]) -> ByteBuffer {
        ByteBuffer(bytes: bytes)
    }

    private func encoded(_ request: ModbusRequest) -> [UInt8] {
        var buffer = ByteBuffer()
        request.encode(into: &buffer)
        return Array(buffer.readableBytesView)
    }

    @Test func encodesRequestsAsTheSpecificationShows() {
        #expect(encoded(.read(.holdingRegisters, start: 0x006B, quantity: 3)) == [0x03, 0x00, 0x6B, 0x00, 0x03])
        #expect(encoded(.read(.coils, start: 0x13, quantity: 0x13)) == [0x01, 0x00, 0x13, 0x00, 0x13])
        #expect(encoded(.writeSingleCoil(address: 0xAC, value: true)) == [0x05, 0x00, 0xAC, 0xFF, 0x00])
        #expect(encoded(.writeSingleRegister(address: 1, value: 3)) == [0x06, 0x00, 0x01, 0x00, 0x03])
        #expect(encoded(.writeMultipleCoils(start: 0x13, values: [true, false, true, true, false, false, true, true, true, false]))
            == [0x0F, 0x00, 0x13, 0x00, 0x0A, 0x02, 0xCD, 0x01])
        #expect(encoded(.writeMultipleRegisters(start: 1, values: [0x000A, 0x0102])) == [0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02])
    }

    @Test func framesCarryTheMBAPHeader() throws {
        var buffer = ByteBuffer()
        ModbusFrameCodec.encode(ModbusFrame(transactionId: 0x1234, unitId: 17, pdu: pdu([0x03, 0x00, 0x00, 0x00, 0x02])), into: &buffer)
        #expect(Array(buffer.readableBytesView) == [0x12, 0x34, 0x00, 0x00, 0x00, 0x06, 0x11, 0x03, 0x00, 0x00, 0x00, 0x02])
        let frame = try #require(try ModbusFrameCodec.decode(from: &buffer))
        #expect(frame.transactionId == 0x1234 && frame.unitId == 17)
        #expect(Array(frame.pdu.readableBytesView) == [0x03, 0x00, 0x00, 0x00, 0x02])
        #expect(buffer.readableBytes == 0)
    }

    @Test func incompleteFramesWaitForMoreBytes() throws {
        var buffer = ByteBuffer(bytes: [0x00, 0x01, 0x00, 0x00, 0x00, 0x05, 0x01, 0x03, 0x02])
        #expect(try ModbusFrameCodec.decode(from: &buffer) == nil)
        #expect(buffer.readableBytes == 9)
        buffer.writeBytes([0x00, 0x2A])
        #expect(try ModbusFrameCodec.decode(from: &buffer)?.pdu == pdu([0x03, 0x02, 0x00, 0x2A]))
    }

    @Test func rejectsForeignProtocolsAndBadLengths() {
        var foreign = ByteBuffer(bytes: [0x00, 0x01, 0x00, 0x07, 0x00, 0x02, 0x01, 0x03])
        #expect(throws: ModbusError.self) { try ModbusFrameCodec.decode(from: &foreign) }
        var empty = ByteBuffer(bytes: [0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01])
        #expect(throws: ModbusError.self) { try ModbusFrameCodec.decode(from: &empty) }
    }

    @Test func decodesReadResponses() throws {
        let registers = try ModbusResponse.decode(pdu: pdu([0x03, 0x04, 0x02, 0x2B, 0x00, 0x00]), for: .read(.holdingRegisters, start: 0, quantity: 2))
        #expect(registers == .registers([0x022B, 0]))
        let bits = try ModbusResponse.decode(pdu: pdu([0x02, 0x02, 0xAC, 0x01]), for: .read(.discreteInputs, start: 0, quantity: 9))
        #expect(bits == .bits([false, false, true, true, false, true, false, true, true]))
        #expect(throws: ModbusError.self) {
            try ModbusResponse.decode(pdu: pdu([0x03, 0x02, 0x00, 0x01]), for: .read(.holdingRegisters, start: 0, quantity: 2))
        }
    }

    @Test func checksWriteEchoes() throws {
        let echo = try ModbusResponse.decode(pdu: pdu([0x10, 0x00, 0x01, 0x00, 0x02]), for: .writeMultipleRegisters(start: 1, values: [1, 2]))
        #expect(echo == .written(address: 1, valueOrQuantity: 2))
        #expect(throws: ModbusError.self) {
            try ModbusResponse.decode(pdu: pdu([0x05, 0x00, 0x01, 0x00, 0x00]), for: .writeSingleCoil(address: 1, value: true))
        }
    }

    @Test(arguments: [
        (UInt8(1), ModbusExceptionCode.illegalFunction, "illegal function"),
        (2, .illegalDataAddress, "illegal data address"),
        (3, .illegalDataValue, "illegal data value"),
        (4, .serverDeviceFailure, "server device failure"),
        (5, .acknowledge, "acknowledge"),
        (6, .serverDeviceBusy, "busy"),
        (10, .gatewayPathUnavailable, "gateway path unavailable"),
        (11, .gatewayTargetFailedToRespond, "gateway target failed to respond"),
        (99, .other(99), "unknown"),
    ])
    func decodesExceptionResponses(code: UInt8, expected: ModbusExceptionCode, text: String) {
        #expect {
            _ = try ModbusResponse.decode(pdu: pdu([0x84, code]), for: .read(.inputRegisters, start: 0, quantity: 1))
        } throws: { error in
            guard case .exception(4, let decoded) = error as? ModbusError else { return false }
            return decoded == expected && decoded.code == code && "\(error)".contains(text)
        }
    }

    @Test func validatesProtocolLimits() {
        #expect(throws: Never.self) { try ModbusRequest.read(.holdingRegisters, start: 0, quantity: 125).validate() }
        #expect(throws: ModbusError.self) { try ModbusRequest.read(.holdingRegisters, start: 0, quantity: 126).validate() }
        #expect(throws: Never.self) { try ModbusRequest.read(.coils, start: 0, quantity: 2000).validate() }
        #expect(throws: ModbusError.self) { try ModbusRequest.read(.coils, start: 0, quantity: 2001).validate() }
        #expect(throws: ModbusError.self) { try ModbusRequest.read(.coils, start: 65535, quantity: 2).validate() }
        #expect(throws: ModbusError.self) { try ModbusRequest.writeMultipleRegisters(start: 0, values: Array(repeating: 0, count: 124)).validate() }
    }
}

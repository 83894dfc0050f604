import MS5Modbus
import Testing

/// Register images worked out by hand from the big-endian bytes of each value.
@Suite struct ValueCodecTests {
    // float32 123.456 = 0x42F6E979: bytes A=42 B=F6 C=E9 D=79.
    static let float32Cases: [(ModbusOrder, [UInt16])] = [
        (.abcd, [0x42F6, 0xE979]),
        (.cdab, [0xE979, 0x42F6]),
        (.badc, [0xF642, 0x79E9]),
        (.dcba, [0x79E9, 0xF642]),
    ]
    // int32 -123456789 = 0xF8A432EB.
    static let int32Cases: [(ModbusOrder, [UInt16])] = [
        (.abcd, [0xF8A4, 0x32EB]),
        (.cdab, [0x32EB, 0xF8A4]),
        (.badc, [0xA4F8, 0xEB32]),
        (.dcba, [0xEB32, 0xA4F8]),
    ]
    // float64 -9876.54321 = 0xC0C34A4587E7C06E.
    static let float64Cases: [(ModbusOrder, [UInt16])] = [
        (.abcd, [0xC0C3, 0x4A45, 0x87E7, 0xC06E]),
        (.cdab, [0xC06E, 0x87E7, 0x4A45, 0xC0C3]),
        (.badc, [0xC3C0, 0x454A, 0xE787, 0x6EC0]),
        (.dcba, [0x6EC0, 0xE787, 0x454A, 0xC3C0]),
    ]

    @Test(arguments: float32Cases)
    func float32InEachOrder(order: ModbusOrder, registers: [UInt16]) throws {
        #expect(try ModbusValueCodec.decode(registers, as: .float32, order: order) == .float32(123.456))
        #expect(try ModbusValueCodec.encode(.float32(123.456), order: order) == registers)
    }

    @Test(arguments: int32Cases)
    func int32InEachOrder(order: ModbusOrder, registers: [UInt16]) throws {
        #expect(try ModbusValueCodec.decode(registers, as: .int32, order: order) == .int32(-123_456_789))
        #expect(try ModbusValueCodec.encode(.int32(-123_456_789), order: order) == registers)
        #expect(try ModbusValueCodec.decode(registers, as: .uint32, order: order) == .uint32(0xF8A4_32EB))
    }

    @Test(arguments: float64Cases)
    func float64InEachOrder(order: ModbusOrder, registers: [UInt16]) throws {
        #expect(try ModbusValueCodec.decode(registers, as: .float64, order: order) == .float64(-9876.54321))
        #expect(try ModbusValueCodec.encode(.float64(-9876.54321), order: order) == registers)
    }

    @Test func sixteenBitValuesHonourByteOrderOnly() throws {
        // int16 -1234 = 0xFB2E.
        #expect(try ModbusValueCodec.decode([0xFB2E], as: .int16, order: .abcd) == .int16(-1234))
        #expect(try ModbusValueCodec.decode([0x2EFB], as: .int16, order: .badc) == .int16(-1234))
        #expect(try ModbusValueCodec.decode([0x2EFB], as: .int16, order: .dcba) == .int16(-1234))
        #expect(try ModbusValueCodec.decode([0xFB2E], as: .uint16, order: .cdab) == .uint16(0xFB2E))
        #expect(try ModbusValueCodec.encode(.uint16(0x1234), order: .badc) == [0x3412])
    }

    @Test func wrongRegisterCountIsAnError() {
        #expect(throws: ModbusError.self) {
            try ModbusValueCodec.decode([1], as: .float32, order: .abcd)
        }
        #expect(throws: ModbusError.self) {
            try ModbusValueCodec.encode(.bool(true), order: .abcd)
        }
    }

    @Test func valuesRoundTripInEveryOrder() throws {
        let values: [ModbusValue] = [.int16(-2), .uint16(65535), .int32(.min), .uint32(.max), .float32(-0.5), .float64(.pi)]
        for order in [ModbusOrder.abcd, .cdab, .badc, .dcba] {
            for value in values {
                let registers = try ModbusValueCodec.encode(value, order: order)
                #expect(registers.count == value.dataType.width)
                #expect(try ModbusValueCodec.decode(registers, as: value.dataType, order: order) == value)
            }
        }
    }
}

import NIOCore

/// The protocol data unit (function code and data) of one client request.
public enum ModbusRequest: Sendable, Hashable {
    /// Read `quantity` bits or registers from `table` (function codes 1, 2, 3, 4).
    case read(ModbusTable, start: UInt16, quantity: UInt16)
    /// Write one coil (function code 5).
    case writeSingleCoil(address: UInt16, value: Bool)
    /// Write one holding register (function code 6).
    case writeSingleRegister(address: UInt16, value: UInt16)
    /// Write consecutive coils (function code 15), at most 1968.
    case writeMultipleCoils(start: UInt16, values: [Bool])
    /// Write consecutive holding registers (function code 16), at most 123.
    case writeMultipleRegisters(start: UInt16, values: [UInt16])

    /// The function code sent on the wire.
    public var functionCode: UInt8 {
        switch self {
        case .read(let table, _, _): table.readFunctionCode
        case .writeSingleCoil: 5
        case .writeSingleRegister: 6
        case .writeMultipleCoils: 15
        case .writeMultipleRegisters: 16
        }
    }

    /// Checks the quantity limits of the protocol and that the range stays below 65536.
    public func validate() throws(ModbusError) {
        switch self {
        case .read(let table, let start, let quantity):
            try Self.check(start: start, quantity: Int(quantity), limit: table.maxReadQuantity, what: "read of \(table)")
        case .writeSingleCoil, .writeSingleRegister:
            return
        case .writeMultipleCoils(let start, let values):
            try Self.check(start: start, quantity: values.count, limit: 1968, what: "write of coils")
        case .writeMultipleRegisters(let start, let values):
            try Self.check(start: start, quantity: values.count, limit: 123, what: "write of registers")
        }
    }

    /// Appends the PDU bytes (function code first) to `buffer`.
    public func encode(into buffer: inout ByteBuffer) {
        buffer.writeInteger(functionCode)
        switch self {
        case .read(_, let start, let quantity):
            buffer.writeMultipleIntegers(start, quantity)
        case .writeSingleCoil(let address, let value):
            buffer.writeMultipleIntegers(address, value ? UInt16(0xFF00) : UInt16(0x0000))
        case .writeSingleRegister(let address, let value):
            buffer.writeMultipleIntegers(address, value)
        case .writeMultipleCoils(let start, let values):
            let packed = ModbusBitPacking.pack(values)
            buffer.writeMultipleIntegers(start, UInt16(values.count), UInt8(packed.count))
            buffer.writeBytes(packed)
        case .writeMultipleRegisters(let start, let values):
            buffer.writeMultipleIntegers(start, UInt16(values.count), UInt8(values.count * 2))
            for value in values { buffer.writeInteger(value) }
        }
    }

    private static func check(start: UInt16, quantity: Int, limit: Int, what: String) throws(ModbusError) {
        guard (1...limit).contains(quantity) else {
            throw .invalidRequest("a \(what) takes 1 to \(limit) items, not \(quantity)")
        }
        guard Int(start) + quantity - 1 <= Int(UInt16.max) else {
            throw .invalidRequest("a \(what) from \(start) for \(quantity) runs past offset 65535")
        }
    }
}

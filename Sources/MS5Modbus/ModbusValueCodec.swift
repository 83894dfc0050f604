/// Converts values to and from registers with a given word and byte order. Pure functions.
public enum ModbusValueCodec {
    /// Decodes the registers of one value. `registers.count` must equal `type.width`.
    ///
    /// - Throws: `ModbusError.malformedResponse` when the count does not match, or when
    ///   `type` is `.bool` (bits are not stored in registers).
    public static func decode(
        _ registers: some Collection<UInt16>,
        as type: ModbusDataType,
        order: ModbusOrder
    ) throws(ModbusError) -> ModbusValue {
        guard type != .bool else {
            throw .malformedResponse("a bool is not stored in registers")
        }
        guard registers.count == type.width else {
            throw .malformedResponse("\(type) needs \(type.width) registers, got \(registers.count)")
        }
        let bits = bigEndianBits(of: registers, order: order)
        switch type {
        case .bool: throw .malformedResponse("a bool is not stored in registers")
        case .int16: return .int16(Int16(bitPattern: UInt16(truncatingIfNeeded: bits)))
        case .uint16: return .uint16(UInt16(truncatingIfNeeded: bits))
        case .int32: return .int32(Int32(bitPattern: UInt32(truncatingIfNeeded: bits)))
        case .uint32: return .uint32(UInt32(truncatingIfNeeded: bits))
        case .float32: return .float32(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
        case .float64: return .float64(Double(bitPattern: bits))
        }
    }

    /// Encodes a value into `value.dataType.width` registers in the given order.
    ///
    /// - Throws: `ModbusError.invalidValue` for `.bool`, which is written as a coil instead.
    public static func encode(_ value: ModbusValue, order: ModbusOrder) throws(ModbusError) -> [UInt16] {
        let bits: UInt64
        switch value {
        case .bool: throw .invalidValue("a bool is written to a coil, not to registers")
        case .int16(let v): bits = UInt64(UInt16(bitPattern: v))
        case .uint16(let v): bits = UInt64(v)
        case .int32(let v): bits = UInt64(UInt32(bitPattern: v))
        case .uint32(let v): bits = UInt64(v)
        case .float32(let v): bits = UInt64(v.bitPattern)
        case .float64(let v): bits = v.bitPattern
        }
        let width = value.dataType.width
        var words = (0..<width).map { index in
            UInt16(truncatingIfNeeded: bits >> (16 * UInt64(width - 1 - index)))
        }
        if order.wordOrder == .little { words.reverse() }
        if order.byteOrder == .little { words = words.map(\.byteSwapped) }
        return words
    }

    /// Reassembles registers into the value's bits, most significant register first.
    private static func bigEndianBits(of registers: some Collection<UInt16>, order: ModbusOrder) -> UInt64 {
        var words = registers.map { order.byteOrder == .little ? $0.byteSwapped : $0 }
        if order.wordOrder == .little { words.reverse() }
        return words.reduce(UInt64(0)) { ($0 << 16) | UInt64($1) }
    }
}

/// A decoded value read from, or to be written to, a Modbus device.
public enum ModbusValue: Sendable, Hashable, CustomStringConvertible {
    /// A coil or discrete input.
    case bool(Bool)
    /// A signed 16-bit register.
    case int16(Int16)
    /// An unsigned 16-bit register.
    case uint16(UInt16)
    /// A signed 32-bit value over two registers.
    case int32(Int32)
    /// An unsigned 32-bit value over two registers.
    case uint32(UInt32)
    /// A single-precision float over two registers.
    case float32(Float)
    /// A double-precision float over four registers.
    case float64(Double)

    /// The value as a `Double`; booleans are 0 or 1.
    public var doubleValue: Double {
        switch self {
        case .bool(let value): value ? 1 : 0
        case .int16(let value): Double(value)
        case .uint16(let value): Double(value)
        case .int32(let value): Double(value)
        case .uint32(let value): Double(value)
        case .float32(let value): Double(value)
        case .float64(let value): value
        }
    }

    /// The data type this value carries.
    public var dataType: ModbusDataType {
        switch self {
        case .bool: .bool
        case .int16: .int16
        case .uint16: .uint16
        case .int32: .int32
        case .uint32: .uint32
        case .float32: .float32
        case .float64: .float64
        }
    }

    /// Converts a number to a value of the given type; nil when it does not fit.
    public init?(_ number: Double, as type: ModbusDataType) {
        switch type {
        case .bool:
            guard number == 0 || number == 1 else { return nil }
            self = .bool(number == 1)
        case .int16:
            guard let value = Int16(exactly: number) else { return nil }
            self = .int16(value)
        case .uint16:
            guard let value = UInt16(exactly: number) else { return nil }
            self = .uint16(value)
        case .int32:
            guard let value = Int32(exactly: number) else { return nil }
            self = .int32(value)
        case .uint32:
            guard let value = UInt32(exactly: number) else { return nil }
            self = .uint32(value)
        case .float32:
            self = .float32(Float(number))
        case .float64:
            self = .float64(number)
        }
    }

    /// The value printed plainly: `true`, `-12`, `123.456`.
    public var description: String {
        switch self {
        case .bool(let value): String(value)
        case .int16(let value): String(value)
        case .uint16(let value): String(value)
        case .int32(let value): String(value)
        case .uint32(let value): String(value)
        case .float32(let value): String(value)
        case .float64(let value): String(value)
        }
    }
}

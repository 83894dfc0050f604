/// The type of value stored at an address.
public enum ModbusDataType: String, Sendable, Hashable, CaseIterable {
    /// A single bit: the only type of coils and discrete inputs.
    case bool
    /// Signed 16-bit integer, one register.
    case int16
    /// Unsigned 16-bit integer, one register (the default for register tables).
    case uint16
    /// Signed 32-bit integer, two registers.
    case int32
    /// Unsigned 32-bit integer, two registers.
    case uint32
    /// IEEE 754 single precision, two registers.
    case float32
    /// IEEE 754 double precision, four registers.
    case float64

    /// How many registers (or bits, for `.bool`) the value occupies.
    public var width: Int {
        switch self {
        case .bool, .int16, .uint16: 1
        case .int32, .uint32, .float32: 2
        case .float64: 4
        }
    }
}

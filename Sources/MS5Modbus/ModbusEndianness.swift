/// The order of two items (bytes in a register, or registers in a value).
public enum ModbusEndianness: String, Sendable, Hashable {
    /// Most significant first, as the Modbus specification sends registers.
    case big
    /// Least significant first.
    case little
}

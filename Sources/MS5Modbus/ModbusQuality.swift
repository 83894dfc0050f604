/// Whether a sample carries a value that was just read.
public enum ModbusQuality: String, Sendable, Hashable {
    /// The value was read successfully.
    case good
    /// No value: the address failed, did not parse, or the device is unreachable.
    case bad
}

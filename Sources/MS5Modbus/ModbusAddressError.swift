/// Why an address string could not be parsed.
public struct ModbusAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was given.
    public var input: String
    /// What is wrong with it.
    public var reason: String

    /// Creates an error for `input` with a reason.
    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    /// `invalid Modbus address "…": reason`.
    public var description: String {
        "invalid Modbus address \"\(input)\": \(reason)"
    }
}

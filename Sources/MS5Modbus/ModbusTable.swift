/// One of the four Modbus data tables.
public enum ModbusTable: String, Sendable, Hashable, CaseIterable {
    /// Read/write single bits (function codes 1, 5, 15). Modicon prefix `0`, explicit prefix `co`.
    case coils = "co"
    /// Read-only single bits (function code 2). Modicon prefix `1`, explicit prefix `di`.
    case discreteInputs = "di"
    /// Read-only 16-bit registers (function code 4). Modicon prefix `3`, explicit prefix `ir`.
    case inputRegisters = "ir"
    /// Read/write 16-bit registers (function codes 3, 6, 16). Modicon prefix `4`, explicit prefix `hr`.
    case holdingRegisters = "hr"

    /// Whether the table holds single bits rather than 16-bit registers.
    public var holdsBits: Bool {
        self == .coils || self == .discreteInputs
    }

    /// Whether a client may write to the table.
    public var isWritable: Bool {
        self == .coils || self == .holdingRegisters
    }

    /// The function code that reads this table.
    public var readFunctionCode: UInt8 {
        switch self {
        case .coils: 1
        case .discreteInputs: 2
        case .holdingRegisters: 3
        case .inputRegisters: 4
        }
    }

    /// The largest quantity one read request may ask for: 2000 bits or 125 registers.
    public var maxReadQuantity: Int {
        holdsBits ? 2000 : 125
    }

    /// The leading digit of this table in Modicon notation.
    public var modiconPrefix: Character {
        switch self {
        case .coils: "0"
        case .discreteInputs: "1"
        case .inputRegisters: "3"
        case .holdingRegisters: "4"
        }
    }
}

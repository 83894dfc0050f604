/// How the bytes of a multi-byte value are laid out over registers.
///
/// The name lists the bytes of the big-endian value `ABCD` in the order they travel:
/// `ABCD` is big-endian words and bytes, `CDAB` swaps the words, `BADC` swaps the bytes
/// in each register and `DCBA` swaps both. For 64-bit values the same word and byte
/// rules apply over four registers.
public struct ModbusOrder: Sendable, Hashable, CustomStringConvertible {
    /// Order of the registers: `.big` sends the most significant register first.
    public var wordOrder: ModbusEndianness
    /// Order of the two bytes inside each register: `.big` sends the high byte first.
    public var byteOrder: ModbusEndianness

    /// Creates an order from its word and byte order.
    public init(wordOrder: ModbusEndianness, byteOrder: ModbusEndianness) {
        self.wordOrder = wordOrder
        self.byteOrder = byteOrder
    }

    /// Big-endian words and bytes, the Modbus default.
    public static let abcd = ModbusOrder(wordOrder: .big, byteOrder: .big)
    /// Little-endian words, big-endian bytes ("word swap").
    public static let cdab = ModbusOrder(wordOrder: .little, byteOrder: .big)
    /// Big-endian words, little-endian bytes ("byte swap").
    public static let badc = ModbusOrder(wordOrder: .big, byteOrder: .little)
    /// Little-endian words and bytes.
    public static let dcba = ModbusOrder(wordOrder: .little, byteOrder: .little)

    /// Parses `abcd`, `cdab`, `badc` or `dcba` (any case); nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "abcd": self = .abcd
        case "cdab": self = .cdab
        case "badc": self = .badc
        case "dcba": self = .dcba
        default: return nil
        }
    }

    /// The lowercase name: `abcd`, `cdab`, `badc` or `dcba`.
    public var description: String {
        switch (wordOrder, byteOrder) {
        case (.big, .big): "abcd"
        case (.little, .big): "cdab"
        case (.big, .little): "badc"
        case (.little, .little): "dcba"
        }
    }
}

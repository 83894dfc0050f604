import MS5EtherNetIP

/// The layout of a predefined Logix structure the simulator can serve (TIMER, COUNTER, CONTROL).
public struct StructureLayout: Sendable, Equatable {
    /// A named member: byte offset, type, and bit for BOOL members packed in a DINT.
    public struct Member: Sendable, Equatable {
        /// Byte offset inside the structure.
        public var offset: Int
        /// Member type.
        public var type: CIPDataType
        /// Bit inside the DINT at `offset` for packed BOOL members.
        public var bit: Int?
    }

    /// Type name (TIMER, COUNTER, CONTROL).
    public var name: String
    /// Structure handle reported in the type field.
    public var handle: UInt16
    /// Template instance id used in the symbol type word.
    public var templateID: UInt16
    /// Size of one structure in bytes.
    public var size: Int
    /// Members by upper-case name.
    public var members: [String: Member]

    /// The layout for a type name, if the simulator knows it.
    public static func named(_ name: String) -> StructureLayout? {
        switch name.uppercased() {
        case "TIMER": timer
        case "COUNTER": counter
        case "CONTROL": control
        default: nil
        }
    }

    private static func packed(_ bits: [(String, Int)], words: [(String, Int)]) -> [String: Member] {
        var members: [String: Member] = [:]
        for (name, bit) in bits { members[name] = Member(offset: 0, type: .bool, bit: bit) }
        for (name, offset) in words { members[name] = Member(offset: offset, type: .dint, bit: nil) }
        return members
    }

    /// TIMER: control DINT (EN 31, TT 30, DN 29), PRE DINT, ACC DINT.
    public static let timer = StructureLayout(name: "TIMER", handle: 0x0F83, templateID: 0x0F83 & 0x0FFF, size: 12, members: packed([("EN", 31), ("TT", 30), ("DN", 29)], words: [("PRE", 4), ("ACC", 8)]))
    /// COUNTER: control DINT (CU 31, CD 30, DN 29, OV 28, UN 27), PRE DINT, ACC DINT.
    public static let counter = StructureLayout(name: "COUNTER", handle: 0x0F82, templateID: 0x0F82 & 0x0FFF, size: 12, members: packed([("CU", 31), ("CD", 30), ("DN", 29), ("OV", 28), ("UN", 27)], words: [("PRE", 4), ("ACC", 8)]))
    /// CONTROL: control DINT (EN 31, EU 30, DN 29, EM 28, ER 27, UL 26, IN 25, FD 24), LEN DINT, POS DINT.
    public static let control = StructureLayout(name: "CONTROL", handle: 0x0F81, templateID: 0x0F81 & 0x0FFF, size: 12, members: packed([("EN", 31), ("EU", 30), ("DN", 29), ("EM", 28), ("ER", 27), ("UL", 26), ("IN", 25), ("FD", 24)], words: [("LEN", 4), ("POS", 8)]))
}

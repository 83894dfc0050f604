/// SLC/MicroLogix data-file types and their PCCC type codes.
public enum PCCCFileType: UInt8, Sendable, CaseIterable {
    /// Output image (O), default file 0.
    case output = 0x8B
    /// Input image (I), default file 1.
    case input = 0x8C
    /// Status (S), default file 2.
    case status = 0x84
    /// Bit (B), default file 3.
    case bit = 0x85
    /// Timer (T), default file 4: control word, PRE, ACC.
    case timer = 0x86
    /// Counter (C), default file 5: control word, PRE, ACC.
    case counter = 0x87
    /// Control (R), default file 6: control word, LEN, POS.
    case control = 0x88
    /// Integer (N), default file 7.
    case integer = 0x89
    /// Float (F), default file 8.
    case float = 0x8A

    /// Creates a type from its address letter.
    public init?(letter: String) {
        switch letter.uppercased() {
        case "O": self = .output
        case "I": self = .input
        case "S": self = .status
        case "B": self = .bit
        case "T": self = .timer
        case "C": self = .counter
        case "R": self = .control
        case "N": self = .integer
        case "F": self = .float
        default: return nil
        }
    }

    /// The address letter.
    public var letter: String {
        switch self {
        case .output: "O"
        case .input: "I"
        case .status: "S"
        case .bit: "B"
        case .timer: "T"
        case .counter: "C"
        case .control: "R"
        case .integer: "N"
        case .float: "F"
        }
    }

    /// The file number used when an address omits it (`I:1/3`, `S:1`).
    public var defaultFileNumber: UInt16 {
        switch self {
        case .output: 0
        case .input: 1
        case .status: 2
        case .bit: 3
        case .timer: 4
        case .counter: 5
        case .control: 6
        case .integer: 7
        case .float: 8
        }
    }

    /// Bytes of one element.
    public var elementSize: Int {
        switch self {
        case .float: 4
        case .timer, .counter, .control: 6
        default: 2
        }
    }

    /// Whether elements are three-word structures with named members.
    public var isStructured: Bool { elementSize == 6 }

    /// Word index and, for status bits, bit number of a named member (`PRE`, `ACC`, `DN`, …).
    public func member(_ name: String) -> (word: UInt16, bit: Int?)? {
        switch (self, name.uppercased()) {
        case (.timer, "EN"), (.counter, "CU"), (.control, "EN"): (0, 15)
        case (.timer, "TT"), (.counter, "CD"), (.control, "EU"): (0, 14)
        case (.timer, "DN"), (.counter, "DN"), (.control, "DN"): (0, 13)
        case (.counter, "OV"), (.control, "EM"): (0, 12)
        case (.counter, "UN"), (.control, "ER"): (0, 11)
        case (.counter, "UA"), (.control, "UL"): (0, 10)
        case (.control, "IN"): (0, 9)
        case (.control, "FD"): (0, 8)
        case (.timer, "PRE"), (.counter, "PRE"), (.control, "LEN"): (1, nil)
        case (.timer, "ACC"), (.counter, "ACC"), (.control, "POS"): (2, nil)
        default: nil
        }
    }
}

/// Data file types of SLC 500 / MicroLogix / PLC-5 addresses (the letters before the file number).
public enum SLCFileType: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `O` output image (default file 0).
    case output = "O"
    /// `I` input image (default file 1).
    case input = "I"
    /// `S` status file (default file 2).
    case status = "S"
    /// `B` binary (bits).
    case binary = "B"
    /// `T` timer (`.PRE`, `.ACC`, `/EN`, `/TT`, `/DN`).
    case timer = "T"
    /// `C` counter (`.PRE`, `.ACC`, `/CU`, `/CD`, `/DN`, `/OV`, `/UN`, `/UA`).
    case counter = "C"
    /// `R` control (`.LEN`, `.POS`, `/EN`, `/EU`, `/DN`, `/EM`, `/ER`, `/UL`, `/IN`, `/FD`).
    case control = "R"
    /// `N` 16-bit integer.
    case integer = "N"
    /// `F` floating point.
    case float = "F"
    /// `ST` string.
    case string = "ST"
    /// `L` 32-bit long integer.
    case long = "L"
    /// `A` ASCII.
    case ascii = "A"
    /// `D` BCD.
    case bcd = "D"
    /// `MG` message.
    case message = "MG"
    /// `PD` PID.
    case pid = "PD"

    /// The file number used when an address omits it (`I:1/3` is file 1): O → 0, I → 1, S → 2.
    public var defaultFileNumber: Int? {
        switch self {
        case .output: 0
        case .input: 1
        case .status: 2
        default: nil
        }
    }

    /// Highest numeric bit number an element of this type accepts after `/`
    /// (15 for 16-bit words, 31 for `L`), or nil when numeric bits are not addressable
    /// (`F`, `ST`, `MG`, `PD`).
    public var highestBit: Int? {
        switch self {
        case .float, .string, .message, .pid: nil
        case .long: 31
        default: 15
        }
    }

    /// Named word members reachable with `.NAME`, e.g. `ACC`, `PRE` for timers.
    public var wordMembers: Set<String> {
        switch self {
        case .timer, .counter: ["PRE", "ACC"]
        case .control: ["LEN", "POS"]
        case .string: ["LEN"]
        default: []
        }
    }

    /// Named status bits reachable with `/NAME`, e.g. `DN` for timers.
    public var namedBits: Set<String> {
        switch self {
        case .timer: ["EN", "TT", "DN"]
        case .counter: ["CU", "CD", "DN", "OV", "UN", "UA"]
        case .control: ["EN", "EU", "DN", "EM", "ER", "UL", "IN", "FD"]
        default: []
        }
    }
}

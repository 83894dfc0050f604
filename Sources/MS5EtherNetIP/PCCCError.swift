/// A PCCC reply status: STS, and EXT STS when STS is 0xF0.
public struct PCCCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// STS byte (remote errors in the high nibble).
    public var status: UInt8
    /// EXT STS byte, present when STS is 0xF0.
    public var extendedStatus: UInt8?

    /// Creates an error.
    public init(status: UInt8, extendedStatus: UInt8? = nil) {
        self.status = status
        self.extendedStatus = extendedStatus
    }

    /// Meaning of the STS byte.
    public var statusMeaning: String {
        switch status & 0xF0 {
        case 0x10: "illegal command or format"
        case 0x20: "host has a problem and will not communicate"
        case 0x30: "remote node host is missing, disconnected or shut down"
        case 0x40: "host could not complete function due to hardware fault"
        case 0x50: "addressing problem or memory protect rungs"
        case 0x60: "function not allowed due to command protection selection"
        case 0x70: "processor is in program mode"
        case 0x80: "compatibility mode file missing or communication zone problem"
        case 0x90: "remote node cannot buffer command"
        case 0xB0: "remote node problem due to download"
        case 0xF0: "error code in the EXT STS byte"
        default: "status 0x" + String(status, radix: 16)
        }
    }

    /// Meaning of the EXT STS byte.
    public var extendedMeaning: String? {
        guard let extendedStatus else { return nil }
        switch extendedStatus {
        case 0x01: return "a field has an illegal value"
        case 0x02: return "less levels specified in address than minimum for any address"
        case 0x03: return "more levels specified in address than system supports"
        case 0x04: return "symbol not found"
        case 0x05: return "symbol is of improper format"
        case 0x06: return "address does not point to something usable"
        case 0x07: return "file is wrong size"
        case 0x08: return "cannot complete request, situation has changed"
        case 0x09: return "data or file is too large"
        case 0x0A: return "transaction size plus word address is too large"
        case 0x0B: return "access denied, improper privilege"
        case 0x0C: return "condition cannot be generated"
        case 0x0D: return "condition already exists"
        case 0x0E: return "command cannot be executed"
        case 0x10: return "no access"
        case 0x11: return "illegal data type"
        case 0x12: return "invalid parameter or invalid data"
        case 0x14: return "command execution failure for unknown reason"
        case 0x15: return "data conversion error"
        case 0x17: return "data type mismatch"
        default: return "EXT STS 0x" + String(extendedStatus, radix: 16)
        }
    }

    /// Combined explanation.
    public var description: String {
        "STS 0x\(String(status, radix: 16)) \(statusMeaning)" + (extendedMeaning.map { ", EXT STS 0x\(String(extendedStatus ?? 0, radix: 16)) \($0)" } ?? "")
    }
}

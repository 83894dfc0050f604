/// Status codes of the encapsulation header (EtherNet/IP spec, Vol. 2, table 2-3.3).
public enum EncapsulationStatus {
    /// The command succeeded.
    public static let success: UInt32 = 0x0000
    /// The command is invalid or unsupported.
    public static let invalidCommand: UInt32 = 0x0001
    /// The receiver has insufficient memory.
    public static let insufficientMemory: UInt32 = 0x0002
    /// The data portion is poorly formed or incorrect.
    public static let incorrectData: UInt32 = 0x0003
    /// The session handle is not valid.
    public static let invalidSessionHandle: UInt32 = 0x0064
    /// The message length is invalid.
    public static let invalidLength: UInt32 = 0x0065
    /// The protocol version is not supported.
    public static let unsupportedProtocolVersion: UInt32 = 0x0069

    /// Describes a status code.
    public static func describe(_ status: UInt32) -> String {
        switch status {
        case success: "success"
        case invalidCommand: "invalid or unsupported command (0x0001)"
        case insufficientMemory: "insufficient memory (0x0002)"
        case incorrectData: "incorrect data (0x0003)"
        case invalidSessionHandle: "invalid session handle (0x0064)"
        case invalidLength: "invalid length (0x0065)"
        case unsupportedProtocolVersion: "unsupported protocol version (0x0069)"
        default: "status 0x" + String(status, radix: 16)
        }
    }
}

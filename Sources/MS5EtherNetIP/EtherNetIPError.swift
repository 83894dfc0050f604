/// Every failure the EtherNet/IP client, codec and simulator report.
public enum EtherNetIPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Wire data did not match the expected layout.
    case malformed(String)
    /// A tag or data-file address could not be parsed.
    case invalidAddress(String)
    /// The encapsulation layer answered with a non-zero status.
    case encapsulation(status: UInt32)
    /// The CIP layer answered with a non-zero general status.
    case cip(CIPError)
    /// The PCCC layer answered with a non-zero STS/EXT STS.
    case pccc(PCCCError)
    /// A value does not fit the tag's data type.
    case typeMismatch(String)
    /// The peer or this implementation does not support the requested operation.
    case unsupported(String)
    /// No reply arrived in time.
    case timeout(String)
    /// The TCP connection closed or failed.
    case connectionClosed(String)
    /// An operation was attempted before `connect` or after `close`.
    case notConnected

    /// A human-readable explanation.
    public var description: String {
        switch self {
        case .malformed(let detail): "malformed frame: \(detail)"
        case .invalidAddress(let detail): "invalid address: \(detail)"
        case .encapsulation(let status): "encapsulation error: \(EncapsulationStatus.describe(status))"
        case .cip(let error): "CIP error: \(error)"
        case .pccc(let error): "PCCC error: \(error)"
        case .typeMismatch(let detail): "type mismatch: \(detail)"
        case .unsupported(let detail): "unsupported: \(detail)"
        case .timeout(let detail): "timeout: \(detail)"
        case .connectionClosed(let detail): "connection closed: \(detail)"
        case .notConnected: "not connected"
        }
    }
}

/// Why the host asked an edge node to publish its births again.
public enum SparkplugRebirthReason: Sendable, Hashable, CustomStringConvertible {
    /// A sequence number was skipped or repeated.
    case sequenceGap(expected: UInt8, received: UInt64)
    /// A data or device message arrived for a node with no valid birth.
    case unknownNode
    /// A device message arrived for a device with no birth.
    case unknownDevice(String)
    /// A data metric used an alias that no birth defined.
    case unknownAlias(UInt64)
    /// A metric had neither a name nor an alias.
    case unnamedMetric

    /// A sentence naming the cause.
    public var description: String {
        switch self {
        case .sequenceGap(let expected, let received): "sequence gap: expected \(expected), received \(received)"
        case .unknownNode: "message from an edge node without a valid NBIRTH"
        case .unknownDevice(let device): "message from device '\(device)' without a DBIRTH"
        case .unknownAlias(let alias): "metric alias \(alias) was not defined in a birth"
        case .unnamedMetric: "metric without name or alias"
        }
    }
}

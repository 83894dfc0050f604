import Foundation

/// One value delivered by ``OPCUASubscriber``.
public struct OPCUASample: Sendable, Hashable {
    /// Quality derived from the status code's severity.
    public enum Quality: String, Sendable, Hashable {
        case good, uncertain, bad
    }

    /// The node id text exactly as given in the configuration.
    public var nodeID: String
    /// The value.
    public var value: OPCUAValue
    /// When the source produced the value.
    public var sourceTimestamp: Date?
    /// When the server produced or received the value.
    public var serverTimestamp: Date?
    /// Quality of the value.
    public var quality: Quality
    /// The full status code.
    public var status: StatusCode

    /// Creates a sample from a data value.
    public init(nodeID: String, dataValue: DataValue) {
        self.nodeID = nodeID
        self.value = dataValue.value
        self.sourceTimestamp = dataValue.sourceTimestamp
        self.serverTimestamp = dataValue.serverTimestamp
        self.status = dataValue.status
        self.quality = dataValue.status.isGood ? .good : dataValue.status.isUncertain ? .uncertain : .bad
    }
}

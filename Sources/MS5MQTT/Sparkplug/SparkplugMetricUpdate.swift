import Foundation

/// One metric value reported by an edge node or device.
public struct SparkplugMetricUpdate: Sendable, Hashable {
    /// The group identifier.
    public var groupID: String
    /// The edge node identifier.
    public var edgeNodeID: String
    /// The device identifier, `nil` for node metrics.
    public var deviceID: String?
    /// The metric name (resolved from the alias for data messages).
    public var name: String
    /// The value.
    public var value: SparkplugValue
    /// The metric timestamp, else the payload timestamp, else the receive time.
    public var timestamp: Date
    /// Whether the value came from a birth certificate rather than a data message.
    public var isBirth: Bool
    /// Whether the edge flagged the value as historical (not the current value).
    public var isHistorical: Bool

    /// Creates an update.
    public init(
        groupID: String, edgeNodeID: String, deviceID: String?, name: String, value: SparkplugValue, timestamp: Date,
        isBirth: Bool, isHistorical: Bool
    ) {
        self.groupID = groupID
        self.edgeNodeID = edgeNodeID
        self.deviceID = deviceID
        self.name = name
        self.value = value
        self.timestamp = timestamp
        self.isBirth = isBirth
        self.isHistorical = isHistorical
    }
}

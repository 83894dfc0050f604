import Foundation

/// An edge node or device coming online (birth) or going offline (death).
public struct SparkplugConnectivityChange: Sendable, Hashable {
    /// The group identifier.
    public var groupID: String
    /// The edge node identifier.
    public var edgeNodeID: String
    /// The device identifier, `nil` when the edge node itself changed.
    public var deviceID: String?
    /// The new state.
    public var online: Bool
    /// When it changed (payload timestamp, else receive time).
    public var timestamp: Date

    /// Creates a change.
    public init(groupID: String, edgeNodeID: String, deviceID: String?, online: Bool, timestamp: Date) {
        self.groupID = groupID
        self.edgeNodeID = edgeNodeID
        self.deviceID = deviceID
        self.online = online
        self.timestamp = timestamp
    }
}

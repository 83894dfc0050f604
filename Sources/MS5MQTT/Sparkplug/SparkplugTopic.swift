/// A parsed Sparkplug B topic: `spBv1.0/<group>/<type>/<edge node>[/<device>]`.
public struct SparkplugTopic: Sendable, Hashable, CustomStringConvertible {
    /// The Sparkplug B namespace prefix.
    public static let namespace = "spBv1.0"

    /// The group identifier.
    public var groupID: String
    /// The message type.
    public var messageType: SparkplugMessageType
    /// The edge node identifier.
    public var edgeNodeID: String
    /// The device identifier (device messages only).
    public var deviceID: String?

    /// Creates a topic from its parts.
    public init(groupID: String, messageType: SparkplugMessageType, edgeNodeID: String, deviceID: String? = nil) {
        self.groupID = groupID
        self.messageType = messageType
        self.edgeNodeID = edgeNodeID
        self.deviceID = deviceID
    }

    /// Parses a topic name; `nil` for STATE topics and anything outside the Sparkplug B namespace.
    public init?(_ topic: String) {
        let levels = topic.split(separator: "/", omittingEmptySubsequences: false)
        guard levels.count == 4 || levels.count == 5, levels[0] == Self.namespace,
            let type = SparkplugMessageType(rawValue: String(levels[2])),
            !levels[1].isEmpty, !levels[3].isEmpty
        else { return nil }
        let isDeviceMessage = [.deviceBirth, .deviceDeath, .deviceData, .deviceCommand].contains(type)
        guard isDeviceMessage == (levels.count == 5) else { return nil }
        self.init(
            groupID: String(levels[1]), messageType: type, edgeNodeID: String(levels[3]),
            deviceID: isDeviceMessage ? String(levels[4]) : nil)
    }

    /// The topic name.
    public var description: String {
        [Self.namespace, groupID, messageType.rawValue, edgeNodeID, deviceID].compactMap { $0 }.joined(separator: "/")
    }
}

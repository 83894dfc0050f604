/// A point-in-time view of a ``SparkplugHost``.
public struct SparkplugHostHealth: Sendable, Hashable {
    /// The underlying MQTT connection's health.
    public var mqtt: MQTTClientHealth
    /// Edge nodes currently online.
    public var onlineNodes: Int
    /// Devices currently online.
    public var onlineDevices: Int
    /// Rebirth requests published since start.
    public var rebirthRequests: Int
    /// Messages on Sparkplug topics that could not be decoded.
    public var invalidMessages: Int
    /// The most recent Sparkplug-level problem.
    public var lastError: String?

    /// Creates a snapshot.
    public init(
        mqtt: MQTTClientHealth, onlineNodes: Int, onlineDevices: Int, rebirthRequests: Int, invalidMessages: Int,
        lastError: String?
    ) {
        self.mqtt = mqtt
        self.onlineNodes = onlineNodes
        self.onlineDevices = onlineDevices
        self.rebirthRequests = rebirthRequests
        self.invalidMessages = invalidMessages
        self.lastError = lastError
    }
}

/// A point-in-time view of an ``MQTTClient``'s connection health.
public struct MQTTClientHealth: Sendable, Hashable {
    /// Whether a CONNACK-accepted connection is currently open.
    public var connected: Bool
    /// The most recent connection or protocol problem, readable.
    public var lastError: String?
    /// Reconnection attempts made since ``MQTTClient/connect()``.
    public var reconnectAttempts: Int
    /// Messages received per second over the last few seconds.
    public var messagesPerSecond: Double
    /// Messages received since ``MQTTClient/connect()``.
    public var messagesReceived: Int
    /// QoS 1 publishes sent but not yet acknowledged by the broker.
    public var unacknowledgedPublishes: Int

    /// Creates a snapshot.
    public init(
        connected: Bool,
        lastError: String?,
        reconnectAttempts: Int,
        messagesPerSecond: Double,
        messagesReceived: Int,
        unacknowledgedPublishes: Int
    ) {
        self.connected = connected
        self.lastError = lastError
        self.reconnectAttempts = reconnectAttempts
        self.messagesPerSecond = messagesPerSecond
        self.messagesReceived = messagesReceived
        self.unacknowledgedPublishes = unacknowledgedPublishes
    }
}

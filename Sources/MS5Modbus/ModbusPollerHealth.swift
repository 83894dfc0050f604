/// A point-in-time view of a poller's connection and throughput.
public struct ModbusPollerHealth: Sendable, Hashable {
    /// Whether the poller currently holds an open connection.
    public var connected: Bool
    /// The most recent error (connect failure, disconnect, timeout or exception), if any.
    public var lastError: String?
    /// How long the most recent group read took, all its requests included.
    public var lastRoundTrip: Duration?
    /// Read requests answered per second over the last few seconds.
    public var readsPerSecond: Double
    /// Connection attempts made since the poller started, the first one excluded.
    public var reconnectAttempts: Int

    /// Creates a health snapshot.
    public init(connected: Bool, lastError: String?, lastRoundTrip: Duration?, readsPerSecond: Double, reconnectAttempts: Int) {
        self.connected = connected
        self.lastError = lastError
        self.lastRoundTrip = lastRoundTrip
        self.readsPerSecond = readsPerSecond
        self.reconnectAttempts = reconnectAttempts
    }
}

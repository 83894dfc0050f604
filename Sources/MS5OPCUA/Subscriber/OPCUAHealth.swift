/// Health of an ``OPCUASubscriber`` at one moment.
public struct OPCUAHealth: Sendable, Hashable {
    /// True while a session with active subscription is established.
    public var connected: Bool
    /// Text of the most recent error, if any.
    public var lastError: String?
    /// Duration of the most recent Read round trip (measured after each (re)connection).
    public var lastRoundTrip: Duration?
    /// Data-change notifications received per second over the last measuring window.
    public var notificationsPerSecond: Double
    /// Reconnection attempts since ``OPCUASubscriber/start()``.
    public var reconnectAttempts: Int
    /// Total data-change notifications received.
    public var notificationsReceived: Int
    /// Keep-alive messages received (Publish responses without notifications).
    public var keepAlivesReceived: Int
    /// Number of times the subscription was (re)created.
    public var subscriptionsCreated: Int
}

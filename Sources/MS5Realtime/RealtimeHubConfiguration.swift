/// Limits and timings of a ``RealtimeHub`` and its WebSocket sessions.
public struct RealtimeHubConfiguration: Sendable {
    /// How many recent events the hub keeps for clients that resume.
    public var replayCapacity: Int
    /// Most messages waiting for one client; a client that needs more is disconnected (close code 4008).
    public var clientQueueLimit: Int
    /// Most messages per second one client receives for one coalescing key; `0` means no rate limit
    /// (undelivered messages are still replaced by newer ones).
    public var coalescedMessagesPerSecond: Double
    /// How often the server sends `{"type":"heartbeat"}`.
    public var heartbeatInterval: Duration
    /// A client that sends nothing (not even `pong`) for this long is disconnected (close code 4001).
    public var heartbeatTimeout: Duration
    /// How long the server waits to hand a close frame to a stalled client before giving up on it.
    public var closeTimeout: Duration
    /// Most events waiting to be sent to the relay; further ones are dropped and counted.
    public var relayBufferLimit: Int
    /// Largest client message accepted, in bytes.
    public var maxClientMessageSize: Int
    /// How often an open connection's sign-in is checked; one that has ended is closed (close code 4401).
    public var authorizationCheckInterval: Duration

    /// Creates a configuration; every parameter has a production default.
    public init(
        replayCapacity: Int = 4096,
        clientQueueLimit: Int = 1024,
        coalescedMessagesPerSecond: Double = 4,
        heartbeatInterval: Duration = .seconds(15),
        heartbeatTimeout: Duration = .seconds(45),
        closeTimeout: Duration = .seconds(5),
        relayBufferLimit: Int = 10_000,
        maxClientMessageSize: Int = 64 * 1024,
        authorizationCheckInterval: Duration = .seconds(5)
    ) {
        self.replayCapacity = replayCapacity
        self.clientQueueLimit = clientQueueLimit
        self.coalescedMessagesPerSecond = coalescedMessagesPerSecond
        self.heartbeatInterval = heartbeatInterval
        self.heartbeatTimeout = heartbeatTimeout
        self.closeTimeout = closeTimeout
        self.relayBufferLimit = relayBufferLimit
        self.maxClientMessageSize = maxClientMessageSize
        self.authorizationCheckInterval = authorizationCheckInterval
    }

    /// The least time between two messages of one key to one client.
    var keyInterval: Duration {
        coalescedMessagesPerSecond > 0 ? .seconds(1 / coalescedMessagesPerSecond) : .zero
    }
}

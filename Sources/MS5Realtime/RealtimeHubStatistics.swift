/// A snapshot of a hub's counters (since it started) and gauges.
public struct RealtimeHubStatistics: Sendable, Equatable {
    /// Connected clients.
    public var connections = 0
    /// The newest event id.
    public var lastEventID: UInt64 = 0
    /// Events published, local and from the relay.
    public var published = 0
    /// Messages put in client queues.
    public var enqueued = 0
    /// Messages that replaced an undelivered one with the same coalescing key.
    public var coalesced = 0
    /// Clients disconnected because their queue overflowed.
    public var slowDisconnects = 0
    /// Events replayed to resuming clients.
    public var replayed = 0
    /// `resync` messages sent.
    public var resyncs = 0
    /// Events not sent to the relay because its buffer was full.
    public var relayDropped = 0
}

/// How one controller connection is doing, whatever the protocol.
struct ControllerHealth: Sendable, Equatable {
    var connected: Bool
    var lastError: String?
    var lastRoundTrip: Duration?
    /// Reads (or, for subscriptions, notifications) per second.
    var readsPerSecond: Double
    var reconnectAttempts: Int
}

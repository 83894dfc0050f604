import Foundation

/// Quality of a polled value.
public enum SampleQuality: String, Sendable, Equatable {
    /// The value was read now.
    case good
    /// The controller refused this tag (not found, type, privilege…).
    case bad
    /// The controller could not be reached; no value.
    case communicationFailure
}

/// One polled tag value with its time and quality.
public struct TagSample: Sendable, Equatable {
    /// Tag or address as configured.
    public var tag: String
    /// Value, when read.
    public var value: CIPValue?
    /// Wall-clock time the read completed.
    public var timestamp: Date
    /// Quality of the value.
    public var quality: SampleQuality
    /// The error behind a bad or communication-failure sample.
    public var error: EtherNetIPError?

    /// Creates a sample.
    public init(tag: String, value: CIPValue?, timestamp: Date, quality: SampleQuality, error: EtherNetIPError? = nil) {
        self.tag = tag
        self.value = value
        self.timestamp = timestamp
        self.quality = quality
        self.error = error
    }
}

/// A point-in-time view of a poller's connection health.
public struct PollerHealth: Sendable, Equatable {
    /// Whether the session is up.
    public var connected: Bool
    /// Most recent connection-level error.
    public var lastError: EtherNetIPError?
    /// Round-trip time of the most recent batched read.
    public var lastRoundTrip: Duration?
    /// Tags read per second over the last few seconds.
    public var readsPerSecond: Double
    /// Reconnect attempts since the last successful connection.
    public var reconnectAttempts: Int
    /// Successful connections since start.
    public var connections: Int

    /// Creates a snapshot.
    public init(connected: Bool = false, lastError: EtherNetIPError? = nil, lastRoundTrip: Duration? = nil, readsPerSecond: Double = 0, reconnectAttempts: Int = 0, connections: Int = 0) {
        self.connected = connected
        self.lastError = lastError
        self.lastRoundTrip = lastRoundTrip
        self.readsPerSecond = readsPerSecond
        self.reconnectAttempts = reconnectAttempts
        self.connections = connections
    }
}

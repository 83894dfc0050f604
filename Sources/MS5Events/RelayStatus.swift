import Foundation

/// What the Kafka relay of this instance has done since it started, for `/v1/events/status`
/// and `/metrics`.
public struct RelayStatus: Sendable, Equatable, Codable {
    /// Whether this instance holds the relay's lease (one instance relays at a time).
    public var relaying: Bool
    /// The last outbox position the broker acknowledged, as this instance last saw it.
    public var position: Int64?
    /// Events the broker acknowledged.
    public var sent: Int
    /// Events the broker refused or that timed out (each is sent again).
    public var failed: Int
    /// The last delivery error, if any.
    public var lastError: String?
    /// When the last error happened.
    public var lastErrorAt: Date?
    /// When the broker last acknowledged an event.
    public var lastSentAt: Date?

    /// The status of a relay that has done nothing yet.
    public init() {
        relaying = false
        sent = 0
        failed = 0
    }
}

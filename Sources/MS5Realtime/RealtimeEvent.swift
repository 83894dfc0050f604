import Foundation

/// An event as MS5 publishes it; the hub gives it its id when it is published.
public struct RealtimeEvent: Sendable {
    /// Every topic the event belongs to, e.g. `equipment:X`, `line:Y` and `plant` for a state change.
    public var topics: [RealtimeTopic]
    /// The kind of event.
    public var type: RealtimeEventType
    /// When it happened.
    public var time: Date
    /// When MS5 published it, after storing it: clients measure delivery delay from here.
    public var publishedAt: Date
    /// The JSON `data` sent to clients.
    public var payload: RealtimePayload
    /// Events with the same key replace each other while undelivered and are rate-limited per client,
    /// e.g. `values:equipment:X:metric:M`. `nil` for events every client must receive.
    public var coalescingKey: String?
    /// The event's place in the outbox, for events kept there (states, faults, stops, Andon):
    /// clients resume by it, across reconnects, instances and restarts. `nil` for the others.
    public var position: Int64?

    /// Creates an event.
    public init(
        type: RealtimeEventType,
        topics: [RealtimeTopic],
        time: Date = Date(),
        publishedAt: Date = Date(),
        payload: RealtimePayload,
        coalescingKey: String? = nil,
        position: Int64? = nil
    ) {
        self.type = type
        self.topics = topics
        self.time = time
        self.publishedAt = publishedAt
        self.payload = payload
        self.coalescingKey = coalescingKey
        self.position = position
    }
}

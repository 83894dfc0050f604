import Foundation

/// An event as the outbox holds it: its place in the order every consumer reads it in.
public struct RecordedEvent: Sendable, Equatable {
    /// The event's number: gap-free, increasing in commit order.
    public var position: Int64
    public var event: CanonicalEvent
    /// When it was written.
    public var recordedAt: Date

    /// Creates a recorded event.
    public init(position: Int64, event: CanonicalEvent, recordedAt: Date) {
        self.position = position
        self.event = event
        self.recordedAt = recordedAt
    }
}

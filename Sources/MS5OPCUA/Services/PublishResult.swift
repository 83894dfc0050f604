import Foundation

/// What one Publish response delivered (Part 4, 5.13.5).
public struct PublishResult: Sendable, Hashable {
    /// The subscription the notifications belong to.
    public var subscriptionID: UInt32
    /// Sequence number of the notification message; a keep-alive carries the next number without consuming it.
    public var sequenceNumber: UInt32
    /// When the server sent the message.
    public var publishTime: Date?
    /// Data changes; empty for a keep-alive.
    public var notifications: [MonitoredItemNotification]
    /// Status of the subscription if the server reported a change (e.g. BadTimeout when it expired).
    public var subscriptionStatus: StatusCode?
    /// True when the message carries no notification data (a keep-alive).
    public var isKeepAlive: Bool
    /// Results of the acknowledgements sent with the request.
    public var acknowledgementResults: [StatusCode]
}

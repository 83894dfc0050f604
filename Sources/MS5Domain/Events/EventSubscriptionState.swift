import Foundation

/// How the delivery of a subscription stands: how far it got, what is left, and how the
/// receiver answered lately.
public struct EventSubscriptionState: Codable, Sendable, Equatable {
    /// The outbox position of the last event handled (delivered, or not of the subscription).
    public var position: Int64
    /// Events of the subscription after that position, still to deliver.
    public var backlog: Int
    /// Events delivered so far.
    public var delivered: Int
    /// Failed attempts since the last delivery; 0 while the receiver takes every event.
    public var failures: Int
    /// Why the last attempt failed, nil when none has failed since the last delivery.
    public var lastError: String?
    public var lastErrorAt: Date?
    public var lastDeliveredAt: Date?
    /// The ms5 instance delivering it now, nil when none holds its lease.
    public var holder: String?

    /// Creates a state.
    public init(
        position: Int64, backlog: Int, delivered: Int, failures: Int, lastError: String?, lastErrorAt: Date?, lastDeliveredAt: Date?,
        holder: String?
    ) {
        self.position = position
        self.backlog = backlog
        self.delivered = delivered
        self.failures = failures
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.lastDeliveredAt = lastDeliveredAt
        self.holder = holder
    }
}

import Foundation

/// A workflow instance waiting for a signal, stored so that it survives restarts: what it
/// waits for, the handler its delivery runs (its purpose), the signal it took and when that
/// was delivered.
///
/// A wait takes one signal: the first that matches once it began. It is delivered once, across
/// every ms5 instance on the database, in the transaction of its handler's effect.
public struct SignalWait: Codable, Sendable, Equatable, Identifiable {
    /// The wait's id.
    public let id: UUID
    /// The workflow instance woken when the signal is delivered.
    public let instanceId: UUID
    /// What the wait is for, a key such as `guard.closed` naming the handler its delivery runs.
    public let purpose: String
    /// The signal it waits for.
    public let matcher: SignalMatcher
    /// The site of the equipment (or of the user signal): where its delivery is published, and
    /// whose people may send a user signal.
    public let siteId: UUID
    /// The equipment's line; nil for a user signal.
    public let lineId: UUID?
    /// When the wait began.
    public let waitingSince: Date
    /// The timer that ends the wait unanswered, if one was set; it is cancelled on delivery.
    public let timeoutTimerId: UUID?
    /// The signal it took; nil while it waits.
    public var signal: WorkflowSignal?
    /// When the signal was delivered (its handler's effect committed); nil until then.
    public var deliveredAt: Date?

    /// Creates a wait record.
    public init(
        id: UUID, instanceId: UUID, purpose: String, matcher: SignalMatcher, siteId: UUID, lineId: UUID?, waitingSince: Date,
        timeoutTimerId: UUID? = nil, signal: WorkflowSignal? = nil, deliveredAt: Date? = nil
    ) {
        self.id = id
        self.instanceId = instanceId
        self.purpose = purpose
        self.matcher = matcher
        self.siteId = siteId
        self.lineId = lineId
        self.waitingSince = waitingSince
        self.timeoutTimerId = timeoutTimerId
        self.signal = signal
        self.deliveredAt = deliveredAt
    }

    /// The wait marked delivered at `now`.
    ///
    /// Fails with `conflict` when it took no signal yet or was delivered already (each wait is
    /// delivered once, even when two engines see it at once).
    public func delivered(at now: Date) throws(DomainError) -> SignalWait {
        guard signal != nil else { throw DomainError(.conflict, "The signal wait \(id) has taken no signal yet.") }
        if let deliveredAt {
            throw DomainError(.conflict, "The signal wait \(id) was delivered already at \(deliveredAt.ISO8601Format()).")
        }
        var result = self
        result.deliveredAt = now
        return result
    }
}

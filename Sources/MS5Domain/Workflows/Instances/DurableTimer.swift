import Foundation

/// A timer a workflow instance sleeps on, stored so that it survives restarts and can wait for
/// months: what it is for, when it fires, and when it did.
public struct DurableTimer: Codable, Sendable, Equatable, Identifiable {
    /// The timer's id.
    public let id: UUID
    /// The workflow instance woken when the timer fires.
    public let instanceId: UUID
    /// What the timer is for, a key such as `task.escalate` that the instance's step reads.
    public let purpose: String
    /// When the timer is to fire.
    public let fireAt: Date
    /// When it fired; nil while it waits.
    public var firedAt: Date?

    /// Creates a timer record.
    public init(id: UUID, instanceId: UUID, purpose: String, fireAt: Date, firedAt: Date? = nil) {
        self.id = id
        self.instanceId = instanceId
        self.purpose = purpose
        self.fireAt = fireAt
        self.firedAt = firedAt
    }

    /// A waiting timer of `instanceId` for `purpose` at `fireAt`.
    ///
    /// Fails with `invalid` (`/purpose`) when the purpose is not a key (1–32 letters, digits,
    /// `-`, `_` or `.`; in particular, not empty).
    public static func scheduled(id: UUID, instanceId: UUID, purpose: String, fireAt: Date) throws(DomainError) -> DurableTimer {
        var v = Validator()
        v.code(purpose, "purpose")
        try v.finish()
        return DurableTimer(id: id, instanceId: instanceId, purpose: purpose, fireAt: fireAt)
    }

    /// Whether the timer is waiting and its time has come at `now`.
    public func isDue(at now: Date) -> Bool {
        firedAt == nil && fireAt <= now
    }

    /// The timer marked fired at `now`.
    ///
    /// Fails with `conflict` when it has already fired (the engine fires each timer once, even
    /// when two pollers see it due), and with `invalid` (`/firedAt`) when `now` is before ``fireAt``.
    public func fired(at now: Date) throws(DomainError) -> DurableTimer {
        if let firedAt {
            throw DomainError(.conflict, "The timer \(id) already fired at \(firedAt.ISO8601Format()).")
        }
        var v = Validator()
        v.check(now >= fireAt, "firedAt", "must not be before the timer's time \(fireAt.ISO8601Format())")
        try v.finish()
        var result = self
        result.firedAt = now
        return result
    }
}

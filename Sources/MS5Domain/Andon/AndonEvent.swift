import Foundation

/// A step in a call's life, as the event bus, the live feed and webhooks carry it.
public struct AndonEvent: Codable, Sendable, Equatable {
    /// Which step.
    public enum Kind: String, ClosedSet, Equatable, Hashable {
        case triggered
        case acknowledged
        case escalated
        case resolved
        case cancelled
    }

    public var kind: Kind
    /// The call as it is after the step.
    public var call: AndonCall
    /// Who the call's current level names, for escalations and new calls.
    public var recipients: EscalationLevel?

    /// Creates the event.
    public init(kind: Kind, call: AndonCall, recipients: EscalationLevel? = nil) {
        self.kind = kind
        self.call = call
        self.recipients = recipients
    }

    /// The versioned event type: `andon.triggered.v1`, `andon.escalated.v1`, `andon.resolved.v1`, …
    public var type: String { "andon.\(kind.rawValue).v1" }
}

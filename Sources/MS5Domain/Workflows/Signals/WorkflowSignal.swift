import Foundation
import MS5JSON

/// A signal a wait took: what happened, when, and what it carried — the outbox event of a
/// machine signal, the pieces of a count, the payload and sender of a user signal.
public struct WorkflowSignal: Codable, Sendable, Equatable {
    /// Most bytes of a user signal's payload, as JSON.
    public static let maximumPayloadBytes = 4096

    /// The kind of signal.
    public var kind: SignalKind
    /// When it happened: the state change's start, the fault's edge, the moment the count was
    /// seen reached, the moment the person sent it.
    public var at: Date
    /// The outbox event of a state change or fault.
    public var eventId: UUID?
    /// The state the equipment moved into.
    public var state: MachineState?
    /// The fault's code.
    public var faultCode: String?
    /// The pieces counted since the wait began (at least the number waited for).
    public var pieces: Int?
    /// Who sent a user signal.
    public var sentBy: String?
    /// The JSON object a user signal carried.
    public var payload: JSONValue?

    /// Creates a signal.
    public init(
        kind: SignalKind, at: Date, eventId: UUID? = nil, state: MachineState? = nil, faultCode: String? = nil, pieces: Int? = nil,
        sentBy: String? = nil, payload: JSONValue? = nil
    ) {
        self.kind = kind
        self.at = at
        self.eventId = eventId
        self.state = state
        self.faultCode = faultCode
        self.pieces = pieces
        self.sentBy = sentBy
        self.payload = payload
    }
}

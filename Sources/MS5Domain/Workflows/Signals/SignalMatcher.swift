import Foundation

/// Which signal a wait takes: a state change or a fault of an equipment, an equipment's count
/// moving on by a number of pieces, or a named signal sent by a person.
///
/// Machine signals match only events that happen after the wait began (later in the outbox);
/// a count is of the pieces made from the moment the wait began, so `pieces: 100` means 100
/// more than then, however the PLC's counter stood.
public struct SignalMatcher: Codable, Sendable, Hashable {
    /// Most pieces a count signal may wait for.
    public static let maximumCount = 10_000_000

    /// What is waited for.
    public var kind: SignalKind
    /// The equipment of a state change, fault or count; nil for a user signal.
    public var equipmentId: UUID?
    /// The state a state change must move into; nil: any change.
    public var state: MachineState?
    /// The code a fault must have; nil: any fault.
    public var faultCode: String?
    /// The pieces a count counts.
    public var counted: CountedPieces?
    /// How many pieces more than when the wait began.
    public var pieces: Int?
    /// The name of a user signal, a key such as `quality.release`.
    public var name: String?
    /// The site whose people may send a user signal; nil for machine signals, whose site is
    /// their equipment's.
    public var siteId: UUID?

    /// Creates a matcher from its parts; the static functions make the valid ones.
    public init(
        kind: SignalKind, equipmentId: UUID? = nil, state: MachineState? = nil, faultCode: String? = nil, counted: CountedPieces? = nil,
        pieces: Int? = nil, name: String? = nil, siteId: UUID? = nil
    ) {
        self.kind = kind
        self.equipmentId = equipmentId
        self.state = state
        self.faultCode = faultCode
        self.counted = counted
        self.pieces = pieces
        self.name = name
        self.siteId = siteId
    }

    /// A change of `equipmentId`'s state, into `state` when given.
    public static func stateChange(of equipmentId: UUID, into state: MachineState? = nil) -> SignalMatcher {
        SignalMatcher(kind: .stateChange, equipmentId: equipmentId, state: state)
    }

    /// A fault of `equipmentId` raised, with `code` when given.
    public static func fault(of equipmentId: UUID, code: String? = nil) -> SignalMatcher {
        SignalMatcher(kind: .fault, equipmentId: equipmentId, faultCode: code)
    }

    /// `pieces` more `counted` pieces of `equipmentId` than when the wait began.
    public static func count(of equipmentId: UUID, _ counted: CountedPieces = .produced, reaching pieces: Int) -> SignalMatcher {
        SignalMatcher(kind: .count, equipmentId: equipmentId, counted: counted, pieces: pieces)
    }

    /// The signal `name` sent by a person of the site `siteId`.
    public static func user(_ name: String, at siteId: UUID) -> SignalMatcher {
        SignalMatcher(kind: .user, name: name, siteId: siteId)
    }

    /// Fails with `invalid` naming each field at fault: a machine signal without its equipment,
    /// a count without pieces (1 up to ``maximumCount``), a user signal without a key as its
    /// name or without its site, or a part that does not belong to the kind.
    public func validate() throws(DomainError) {
        var v = Validator()
        let machine = kind != .user
        v.check(machine == (equipmentId != nil), "matcher/equipmentId", machine ? "is required" : "is for machine signals only")
        v.check(state == nil || kind == .stateChange, "matcher/state", "is for state changes only")
        v.check(faultCode == nil || kind == .fault, "matcher/faultCode", "is for faults only")
        if let faultCode { v.text(faultCode, "matcher/faultCode", maxLength: 64) }
        if kind == .count {
            v.check(counted != nil, "matcher/counted", "is required")
            v.check((1...Self.maximumCount).contains(pieces ?? 0), "matcher/pieces", "must be 1 to \(Self.maximumCount)")
        } else {
            v.check(counted == nil && pieces == nil, "matcher/pieces", "is for counts only")
        }
        if kind == .user {
            v.code(name ?? "", "matcher/name")
            v.check(siteId != nil, "matcher/siteId", "is required")
        } else {
            v.check(name == nil && siteId == nil, "matcher/name", "is for user signals only")
        }
        try v.finish()
    }

    /// Whether `change` of the matcher's equipment is the state change it waits for.
    public func matches(_ change: StateChange) -> Bool {
        kind == .stateChange && (state == nil || change.opened.state == state)
    }

    /// Whether `fault` of the matcher's equipment is the fault it waits for: raised, with the
    /// code when one is given.
    public func matches(_ fault: FaultEvent) -> Bool {
        kind == .fault && fault.edge == .raised && (faultCode == nil || fault.code == faultCode)
    }
}

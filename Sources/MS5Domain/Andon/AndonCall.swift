import Foundation

/// A call for help on the floor, with who did what and when at every step, and how far it has
/// been escalated.
public struct AndonCall: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public var lineId: UUID
    /// The equipment the call is about, when it is about one.
    public var equipmentId: UUID?
    public var category: AndonCategory
    public var priority: AndonPriority
    public var text: String
    public var trigger: AndonTrigger
    /// The fault code or stop start the call was raised for, when a rule raised it.
    public var cause: String?
    public var status: AndonCallStatus
    /// The escalation level reached: 1 when raised, higher as the policy escalates it.
    public var level: Int
    /// When the current level was reached.
    public var levelReachedAt: Date
    /// When the call moves to the next level if nothing happens; nil when it will not.
    public var nextEscalationAt: Date?
    public var raisedBy: String
    public var raisedAt: Date
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?
    public var resolvedBy: String?
    public var resolvedAt: Date?
    public var cancelledBy: String?
    public var cancelledAt: Date?
    /// What was done, given when the call is resolved or cancelled.
    public var resolutionNote: String?

    /// Creates a call record.
    public init(
        id: UUID, lineId: UUID, equipmentId: UUID?, category: AndonCategory, priority: AndonPriority, text: String,
        trigger: AndonTrigger, cause: String?, status: AndonCallStatus, level: Int, levelReachedAt: Date, nextEscalationAt: Date?,
        raisedBy: String, raisedAt: Date, acknowledgedBy: String? = nil, acknowledgedAt: Date? = nil, resolvedBy: String? = nil,
        resolvedAt: Date? = nil, cancelledBy: String? = nil, cancelledAt: Date? = nil, resolutionNote: String? = nil
    ) {
        self.id = id
        self.lineId = lineId
        self.equipmentId = equipmentId
        self.category = category
        self.priority = priority
        self.text = text
        self.trigger = trigger
        self.cause = cause
        self.status = status
        self.level = level
        self.levelReachedAt = levelReachedAt
        self.nextEscalationAt = nextEscalationAt
        self.raisedBy = raisedBy
        self.raisedAt = raisedAt
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
        self.cancelledBy = cancelledBy
        self.cancelledAt = cancelledAt
        self.resolutionNote = resolutionNote
    }
}

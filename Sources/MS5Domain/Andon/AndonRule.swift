import Foundation

/// A rule that raises Andon calls by itself: a fault active too long, a machine starved or
/// blocked too long, or too many rejects over a window. At most one call raised by a rule is open
/// per equipment and category.
public struct AndonRule: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// The equipment watched.
    public var equipmentId: UUID
    /// Which condition the rule watches: fault, starvedBlocked or rejectRate.
    public var trigger: AndonTrigger
    /// How long the condition must last before a call is raised (fault, starvedBlocked).
    public var thresholdSeconds: Int
    /// The reject share above which a call is raised, in percent (rejectRate).
    public var rejectPercent: Double?
    /// The window the reject share is taken over, in minutes (rejectRate).
    public var windowMinutes: Int?
    public var category: AndonCategory
    public var priority: AndonPriority
    public var enabled: Bool
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a rule record.
    public init(
        id: UUID, equipmentId: UUID, trigger: AndonTrigger, thresholdSeconds: Int, rejectPercent: Double?, windowMinutes: Int?,
        category: AndonCategory, priority: AndonPriority, enabled: Bool, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.equipmentId = equipmentId
        self.trigger = trigger
        self.thresholdSeconds = thresholdSeconds
        self.rejectPercent = rejectPercent
        self.windowMinutes = windowMinutes
        self.category = category
        self.priority = priority
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

import Foundation

/// How calls of one line, category and priority escalate: level 1 when raised, then each level's
/// delay without an acknowledgement (or a resolution) moves the call to the next.
public struct EscalationPolicy: Codable, Sendable, Equatable, Identifiable {
    /// What stops the escalation.
    public enum Until: String, ClosedSet, Equatable, Hashable {
        /// Escalation stops once someone acknowledges the call.
        case acknowledged
        /// Escalation goes on until the call is resolved.
        case resolved
    }

    public let id: UUID
    public var lineId: UUID
    public var category: AndonCategory
    public var priority: AndonPriority
    public var until: Until
    public var levels: [EscalationLevel]
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates a policy record.
    public init(
        id: UUID, lineId: UUID, category: AndonCategory, priority: AndonPriority, until: Until, levels: [EscalationLevel],
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.lineId = lineId
        self.category = category
        self.priority = priority
        self.until = until
        self.levels = levels
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// When a call that reached `level` at `reachedAt` moves on, or nil when it is at the last level.
    public func nextEscalation(fromLevel level: Int, reachedAt: Date) -> Date? {
        guard level >= 1, level < levels.count else { return nil }
        return reachedAt.addingTimeInterval(TimeInterval(levels[level - 1].delaySeconds))
    }

    /// Whether a call in `status` is still escalated under this policy.
    public func keepsEscalating(_ status: AndonCallStatus) -> Bool {
        switch until {
        case .acknowledged: status == .open
        case .resolved: status.isActive
        }
    }
}

import Foundation

/// What an engineer sends to create or replace an Andon rule.
public struct AndonRuleInput: Codable, Sendable, Equatable {
    public var equipmentId: UUID
    public var trigger: AndonTrigger
    public var thresholdSeconds: Int
    public var rejectPercent: Double?
    public var windowMinutes: Int?
    public var category: AndonCategory
    public var priority: AndonPriority
    public var enabled: Bool

    /// Creates the input.
    public init(
        equipmentId: UUID, trigger: AndonTrigger, thresholdSeconds: Int, rejectPercent: Double? = nil, windowMinutes: Int? = nil,
        category: AndonCategory, priority: AndonPriority, enabled: Bool = true
    ) {
        self.equipmentId = equipmentId
        self.trigger = trigger
        self.thresholdSeconds = thresholdSeconds
        self.rejectPercent = rejectPercent
        self.windowMinutes = windowMinutes
        self.category = category
        self.priority = priority
        self.enabled = enabled
    }

    /// Checks the fields: a rule's trigger, a threshold of 0 s to 1 day, and for reject-rate rules
    /// a share of 0–100 % over a window of 1 minute to 1 day.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(trigger.isRule, "trigger", "must be fault, starvedBlocked or rejectRate; people raise calls themselves")
        v.check((0...86_400).contains(thresholdSeconds), "thresholdSeconds", "must be 0 to 86400 seconds")
        if trigger == .rejectRate {
            v.check(rejectPercent.map { $0.isFinite && $0 > 0 && $0 <= 100 } ?? false, "rejectPercent", "must be more than 0 and at most 100 for a reject-rate rule")
            v.check(windowMinutes.map { (1...1440).contains($0) } ?? false, "windowMinutes", "must be 1 to 1440 minutes for a reject-rate rule")
        }
        try v.finish()
    }
}

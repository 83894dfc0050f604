import Foundation

/// What an engineer sends to set how calls of a line, category and priority escalate.
public struct EscalationPolicyInput: Codable, Sendable, Equatable {
    public var lineId: UUID
    public var category: AndonCategory
    public var priority: AndonPriority
    public var until: EscalationPolicy.Until
    public var levels: [EscalationLevel]

    /// Creates the input.
    public init(lineId: UUID, category: AndonCategory, priority: AndonPriority, until: EscalationPolicy.Until = .acknowledged, levels: [EscalationLevel]) {
        self.lineId = lineId
        self.category = category
        self.priority = priority
        self.until = until
        self.levels = levels
    }

    /// Checks the levels: 1 to 10 of them, each naming someone, with a delay of 5 s to 7 days,
    /// e-mail addresses that look like addresses and usernames that are not blank.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check((1...10).contains(levels.count), "levels", "must have 1 to 10 levels")
        for (index, level) in levels.enumerated() {
            let field = "levels/\(index)"
            v.check((5...604_800).contains(level.delaySeconds), "\(field)/delaySeconds", "must be 5 to 604800 seconds")
            v.check(!level.isEmpty, field, "must name at least one role, user, team, e-mail address or webhook")
            for (position, email) in level.emails.enumerated() {
                v.check(Self.looksLikeEmail(email), "\(field)/emails/\(position)", "must be an e-mail address like name@example.com")
            }
            for (position, user) in level.users.enumerated() {
                v.text(user, "\(field)/users/\(position)", maxLength: 64)
            }
            for (position, team) in level.teams.enumerated() {
                v.code(team, "\(field)/teams/\(position)")
            }
        }
        try v.finish()
    }

    /// One `@` with text on both sides, a dot in the domain, no spaces or line breaks.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254 else { return false }
        return !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" }
    }
}

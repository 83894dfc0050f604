import Foundation

/// One step of an escalation policy: who is told when a call reaches it, and how long the call
/// may stay at it before moving to the next level.
public struct EscalationLevel: Codable, Sendable, Equatable {
    /// Seconds the call may stay at this level before it moves on (ignored at the last level).
    public var delaySeconds: Int
    /// Everyone with these roles sees the call in the app as theirs.
    public var roles: [Role]
    /// These accounts (by username) see the call in the app as theirs.
    public var users: [String]
    /// The members of these teams (by code) see the call in the app as theirs.
    public var teams: [String]
    /// Addresses that receive an e-mail.
    public var emails: [String]
    /// Webhook endpoints (by id) that receive a signed JSON POST.
    public var webhookIds: [UUID]

    /// Creates a level.
    public init(
        delaySeconds: Int, roles: [Role] = [], users: [String] = [], teams: [String] = [], emails: [String] = [], webhookIds: [UUID] = []
    ) {
        self.delaySeconds = delaySeconds
        self.roles = roles
        self.users = users
        self.teams = teams
        self.emails = emails
        self.webhookIds = webhookIds
    }

    /// Whether the level names nobody at all.
    public var isEmpty: Bool { roles.isEmpty && users.isEmpty && teams.isEmpty && emails.isEmpty && webhookIds.isEmpty }

    /// Who sees the call in the app as theirs at this level: `role:…`, `user:…` and `team:…`.
    public var appRecipients: [String] {
        roles.map { "role:\($0.rawValue)" } + users.map { "user:\($0)" } + teams.map { "team:\($0)" }
    }

    private enum CodingKeys: String, CodingKey {
        case delaySeconds, roles, users, teams, emails, webhookIds
    }

    /// Decodes a level; levels stored before teams existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        delaySeconds = try container.decode(Int.self, forKey: .delaySeconds)
        roles = try container.decode([Role].self, forKey: .roles)
        users = try container.decode([String].self, forKey: .users)
        teams = try container.decodeIfPresent([String].self, forKey: .teams) ?? []
        emails = try container.decode([String].self, forKey: .emails)
        webhookIds = try container.decode([UUID].self, forKey: .webhookIds)
    }
}


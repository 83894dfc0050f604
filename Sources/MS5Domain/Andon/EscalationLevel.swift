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
    /// Addresses that receive an e-mail.
    public var emails: [String]
    /// Webhook endpoints (by id) that receive a signed JSON POST.
    public var webhookIds: [UUID]

    /// Creates a level.
    public init(delaySeconds: Int, roles: [Role] = [], users: [String] = [], emails: [String] = [], webhookIds: [UUID] = []) {
        self.delaySeconds = delaySeconds
        self.roles = roles
        self.users = users
        self.emails = emails
        self.webhookIds = webhookIds
    }

    /// Whether the level names nobody at all.
    public var isEmpty: Bool { roles.isEmpty && users.isEmpty && emails.isEmpty && webhookIds.isEmpty }
}


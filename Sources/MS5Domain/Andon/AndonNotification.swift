import Foundation

/// One message to one recipient about one step of a call: the outbox the notifier works from
/// and, once delivered or given up, the delivery log administrators read.
public struct AndonNotification: Codable, Sendable, Equatable, Identifiable {
    /// How the message travels.
    public enum Channel: String, ClosedSet, Equatable, Hashable {
        /// Shown in the app to the roles and users named, over the live feed.
        case app
        /// A signed JSON POST to a registered endpoint.
        case webhook
        /// An e-mail.
        case email
    }

    /// Where the delivery stands.
    public enum Status: String, ClosedSet, Equatable, Hashable {
        /// Waiting for its (next) attempt.
        case pending
        /// Claimed by one ms5 instance, which is delivering it now.
        case sending
        case sent
        /// Given up after the last attempt.
        case failed
    }

    public let id: UUID
    public var callId: UUID
    /// The level the call reached that this message announces.
    public var level: Int
    public var channel: Channel
    /// The recipient: `role:maintenance`, `user:alice`, `team:crew-a`, an e-mail address, or a webhook endpoint's id.
    public var target: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var sentAt: Date?
    public let createdAt: Date

    /// Creates a notification record.
    public init(
        id: UUID, callId: UUID, level: Int, channel: Channel, target: String, status: Status, attempts: Int, nextAttemptAt: Date,
        lastError: String? = nil, sentAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.callId = callId
        self.level = level
        self.channel = channel
        self.target = target
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
        self.createdAt = createdAt
    }

    /// The messages announcing that a call reached `level`, one per recipient the level names.
    public static func announcing(callId: UUID, level: Int, of levelRecipients: EscalationLevel, at now: Date) -> [AndonNotification] {
        var targets: [(Channel, String)] = levelRecipients.appRecipients.map { (.app, $0) }
        targets += levelRecipients.emails.map { (.email, $0) }
        targets += levelRecipients.webhookIds.map { (.webhook, $0.uuidString.lowercased()) }
        return targets.map { channel, target in
            AndonNotification(id: UUID(), callId: callId, level: level, channel: channel, target: target, status: .pending,
                              attempts: 0, nextAttemptAt: now, createdAt: now)
        }
    }
}

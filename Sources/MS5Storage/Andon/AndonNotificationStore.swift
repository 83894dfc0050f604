import Foundation
import MS5Domain
import SQLKit

/// The notification outbox: claimed by one instance at a time for delivery, retried with
/// backoff, and kept afterwards as the delivery log.
public struct AndonNotificationStore: Sendable {
    /// A notification claimed for delivery, with the call it is about.
    public struct Claimed: Sendable, Equatable {
        public var notification: AndonNotification
        public var call: AndonCall
    }

    /// How long a claim lasts: a delivery whose instance died is taken up by another after at
    /// most this long. Short, so that the window in which a delivery is in doubt is; each
    /// claim is renewed just before its message is sent (``renewClaim(_:lease:)``).
    public static let claimLease: Duration = .seconds(15)

    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` tells the time (tests pass their own).
    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// Claims up to `limit` notifications that are due (or whose claim ran out after `lease`),
    /// each for this instance alone.
    public func claimDue(lease: Duration = claimLease, limit: Int = 50) async throws -> [Claimed] {
        let now = clock()
        let candidates = try await database.read { db in
            try await db.select().column("*").from("andon_notifications")
                .where { group in
                    group.where { $0.where("status", .equal, AndonNotification.Status.pending.rawValue).where("next_attempt_at", .lessThanOrEqual, SQLBind(now)) }
                        .orWhere { $0.where("status", .equal, AndonNotification.Status.sending.rawValue).where("claimed_until", .lessThan, SQLBind(now)) }
                }
                .orderBy("next_attempt_at").limit(limit)
                .all(decoding: AndonNotification.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var claimed: [Claimed] = []
        for candidate in candidates {
            let until = now.addingTimeInterval(lease / .seconds(1))
            let won = try await database.transaction { db in
                try await db.update("andon_notifications")
                    .set("status", to: SQLBind(AndonNotification.Status.sending.rawValue)).set("claimed_until", to: SQLBind(until))
                    .set("attempts", to: SQLBind(candidate.attempts + 1))
                    .where("id", .equal, candidate.id).where("status", .equal, candidate.status.rawValue).where("attempts", .equal, candidate.attempts)
                    .returning("id").all()
            }
            guard !won.isEmpty else { continue }
            var notification = candidate
            notification.status = .sending
            notification.attempts += 1
            let call = try await database.read { db in try await AndonCallStore.require(db, id: candidate.callId) }
            claimed.append(Claimed(notification: notification, call: call))
        }
        return claimed
    }

    /// Extends the claim on `notification` (as claimed: same attempt) to `lease` from now;
    /// false when the claim ran out and another instance took it, which then delivers it.
    public func renewClaim(_ notification: AndonNotification, lease: Duration = claimLease) async throws -> Bool {
        let now = clock()
        return try await database.transaction { db in
            try await !db.update("andon_notifications").set("claimed_until", to: SQLBind(now.addingTimeInterval(lease / .seconds(1))))
                .where("id", .equal, notification.id).where("status", .equal, AndonNotification.Status.sending.rawValue)
                .where("attempts", .equal, notification.attempts)
                .returning("id").all().isEmpty
        }
    }

    /// Records a delivery.
    public func markSent(_ id: UUID) async throws {
        try await database.transaction { db in
            try await db.update("andon_notifications")
                .set("status", to: SQLBind(AndonNotification.Status.sent.rawValue)).set("sent_at", to: SQLBind(clock()))
                .set("last_error", to: SQLLiteral.null).set("claimed_until", to: SQLLiteral.null)
                .where("id", .equal, id).run()
        }
    }

    /// Records a failed attempt: tried again at `retryAt`, or given up when nil.
    public func markFailed(_ id: UUID, error: String, retryAt: Date?) async throws {
        let status: AndonNotification.Status = retryAt == nil ? .failed : .pending
        try await database.transaction { db in
            var update = db.update("andon_notifications")
                .set("status", to: SQLBind(status.rawValue)).set("last_error", to: SQLBind(String(error.prefix(500))))
                .set("claimed_until", to: SQLLiteral.null)
            if let retryAt { update = update.set("next_attempt_at", to: SQLBind(retryAt)) }
            try await update.where("id", .equal, id).run()
        }
    }

    /// The delivery log, newest first: of one call, or of every call.
    public func log(callId: UUID? = nil, limit: Int = 200) async throws -> [AndonNotification] {
        try await database.read { db in
            if let callId { _ = try await AndonCallStore.require(db, id: callId) }
            var query = db.select().column("*").from("andon_notifications")
            if let callId { query = query.where("call_id", .equal, callId) }
            return try await query.orderBy("created_at", .descending).orderBy("level", .descending).limit(limit)
                .all(decoding: AndonNotification.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }
}

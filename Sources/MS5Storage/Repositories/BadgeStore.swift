import Foundation
import MS5Domain
import SQLKit

/// Badge numbers and PINs of accounts, for signing in on shared tablets, with the failed PIN
/// attempts and lockout of each badge. PINs are kept only as hashes and never come out in a
/// ``Badge``; setting, changing and removing a badge go to the audit ledger.
public struct BadgeStore: Sendable {
    /// What signing in by badge checks: the account, the PIN hash, and how the badge stands.
    public struct Credentials: Sendable, Equatable {
        public let userId: UUID
        public let pinHash: String
        /// Until when the badge refuses every sign-in; nil when it is not locked.
        public let lockedUntil: Date?
    }

    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The badge of the account `userId`; nil when it has none.
    public func badge(of userId: UUID) async throws -> Badge? {
        try await database.read { db in try await Self.badge(db, of: userId) }
    }

    /// Gives the account `userId` the badge number `badge` and a PIN hashing to `pinHash`,
    /// replacing any badge it had and lifting any lockout. A number another account has is refused (422).
    public func set(_ badge: String, pinHash: String, of userId: UUID) async throws -> Badge {
        try await database.transaction { db in
            _ = try await UserRepository.table.require(db, id: userId)
            let taken = try await db.select().column("user_id").from("badges").where("badge", .equal, SQLBind(badge))
                .where("user_id", .notEqual, SQLBind(userId)).first()
            if taken != nil {
                throw DomainError.invalid([FieldViolation(field: "/badge", reason: "is already the badge of another account")])
            }
            let before = try await Self.badge(db, of: userId)
            let after = Badge(userId: userId, badge: badge, updatedAt: RecordClock.now())
            try await db.delete(from: "badges").where("user_id", .equal, SQLBind(userId)).run()
            try await db.insert(into: "badges").columns("user_id", "badge", "pin_hash", "failed_attempts", "updated_at")
                .values(SQLBind(userId), SQLBind(badge), SQLBind(pinHash), SQLBind(0), SQLBind(after.updatedAt)).run()
            try await AuditLedger.record(
                db, action: before == nil ? "create" : "update", recordType: "badge", recordId: Self.recordId(userId), before: before, after: after)
            return after
        }
    }

    /// Changes the PIN of the account's badge to one hashing to `pinHash`, lifting any lockout;
    /// refused (409) when the account has no badge.
    public func setPIN(_ pinHash: String, of userId: UUID) async throws -> Badge {
        try await database.transaction { db in
            guard let before = try await Self.badge(db, of: userId) else {
                throw DomainError(.conflict, "This account has no badge; an administrator gives it one (PUT /v1/users/{id}/badge).")
            }
            let after = Badge(userId: userId, badge: before.badge, updatedAt: RecordClock.now())
            try await db.update("badges").set("pin_hash", to: SQLBind(pinHash)).set("failed_attempts", to: SQLBind(0))
                .set("locked_until", to: SQLLiteral.null).set("updated_at", to: SQLBind(after.updatedAt))
                .where("user_id", .equal, SQLBind(userId)).run()
            try await AuditLedger.record(db, action: "change-pin", recordType: "badge", recordId: Self.recordId(userId), before: before, after: after)
            return after
        }
    }

    /// Takes the badge from the account `userId`; refused (404) when it has none.
    public func remove(of userId: UUID) async throws {
        try await database.transaction { db in
            guard let before = try await Self.badge(db, of: userId) else {
                throw DomainError(.notFound, "The account \(userId) has no badge.")
            }
            try await db.delete(from: "badges").where("user_id", .equal, SQLBind(userId)).run()
            try await AuditLedger.record(db, action: "delete", recordType: "badge", recordId: Self.recordId(userId), before: before, after: Badge?.none)
        }
    }

    /// The credentials of the badge numbered `badge`; nil when no account has it.
    public func credentials(badge: String) async throws -> Credentials? {
        try await database.read { db in
            guard let row = try await db.select().columns("user_id", "pin_hash", "locked_until").from("badges")
                .where("badge", .equal, SQLBind(badge)).first()
            else { return nil }
            return Credentials(
                userId: try row.decode(column: "user_id", as: UUID.self), pinHash: try row.decode(column: "pin_hash", as: String.self),
                lockedUntil: try row.decode(column: "locked_until", as: Date?.self))
        }
    }

    /// Counts a wrong PIN for the account's badge; the `limit`-th in a row locks it until
    /// `now + lockout` and starts the count again. Answers until when it is locked, or nil.
    public func recordFailure(of userId: UUID, limit: Int, lockout: Duration, now: Date) async throws -> Date? {
        try await database.transaction { db in
            let failed = try await db.select().column("failed_attempts").from("badges").where("user_id", .equal, SQLBind(userId))
                .first(decodingColumn: "failed_attempts", as: Int.self) ?? 0
            guard failed + 1 >= limit else {
                try await db.update("badges").set("failed_attempts", to: SQLBind(failed + 1)).where("user_id", .equal, SQLBind(userId)).run()
                return nil
            }
            let until = now.addingTimeInterval(lockout / .seconds(1))
            try await db.update("badges").set("failed_attempts", to: SQLBind(0)).set("locked_until", to: SQLBind(until))
                .where("user_id", .equal, SQLBind(userId)).run()
            return until
        }
    }

    /// Clears the failed PIN attempts and any lockout of the account's badge: after a successful
    /// sign-in, or by an administrator.
    public func clear(_ userId: UUID) async throws {
        try await database.transaction { db in
            try await db.update("badges").set("failed_attempts", to: SQLBind(0)).set("locked_until", to: SQLLiteral.null)
                .where("user_id", .equal, SQLBind(userId)).run()
        }
    }

    private static func badge(_ db: any SQLDatabase, of userId: UUID) async throws -> Badge? {
        guard let row = try await db.select().columns("badge", "locked_until", "updated_at").from("badges")
            .where("user_id", .equal, SQLBind(userId)).first()
        else { return nil }
        return Badge(
            userId: userId, badge: try row.decode(column: "badge", as: String.self),
            lockedUntil: try row.decode(column: "locked_until", as: Date?.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    private static func recordId(_ userId: UUID) -> String {
        userId.uuidString.lowercased()
    }
}

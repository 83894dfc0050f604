import Foundation
import MS5Domain
import SQLKit

/// Failed sign-ins and lockouts per account, and the hashes of earlier passwords.
public struct SignInGuard: Sendable {
    /// How an account stands for signing in.
    public struct Standing: Sendable, Equatable {
        /// Failed sign-ins since the last successful one or the last lockout.
        public var failedSignIns: Int
        /// Until when the account refuses every sign-in; nil when it is not locked.
        public var lockedUntil: Date?
    }

    let database: Database

    /// Creates the guard over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The standing of the account `userId`.
    public func standing(of userId: UUID) async throws -> Standing {
        try await database.read { db in
            guard let row = try await db.select().columns("failed_sign_ins", "locked_until").from("users")
                .where("id", .equal, SQLBind(userId)).first()
            else { throw DomainError.notFound("user", id: userId) }
            return Standing(
                failedSignIns: try row.decode(column: "failed_sign_ins", as: Int.self),
                lockedUntil: try row.decode(column: "locked_until", as: Date?.self))
        }
    }

    /// Counts a failed sign-in; the `limit`-th locks the account until `now + lockout` and starts
    /// the count again. Answers the new standing.
    public func recordFailure(of userId: UUID, limit: Int, lockout: Duration, now: Date) async throws -> Standing {
        try await database.transaction { db in
            let failed = try await db.select().column("failed_sign_ins").from("users").where("id", .equal, SQLBind(userId))
                .first(decodingColumn: "failed_sign_ins", as: Int.self) ?? 0
            let standing = failed + 1 >= limit
                ? Standing(failedSignIns: 0, lockedUntil: now.addingTimeInterval(lockout / .seconds(1)))
                : Standing(failedSignIns: failed + 1, lockedUntil: nil)
            var update = db.update("users").set("failed_sign_ins", to: SQLBind(standing.failedSignIns))
            if let until = standing.lockedUntil { update = update.set("locked_until", to: SQLBind(until)) }
            try await update.where("id", .equal, SQLBind(userId)).run()
            return standing
        }
    }

    /// Clears the failed sign-ins and any lock: after a successful sign-in, or by an administrator.
    public func clear(_ userId: UUID) async throws {
        try await database.transaction { db in
            try await db.update("users").set("failed_sign_ins", to: SQLBind(0)).set("locked_until", to: SQLLiteral.null)
                .where("id", .equal, SQLBind(userId)).run()
        }
    }

    /// The hashes of the account's last `count` passwords, newest first.
    public func recentPasswordHashes(of userId: UUID, count: Int) async throws -> [String] {
        try await database.read { db in
            try await db.select().column("password_hash").from("password_history").where("user_id", .equal, SQLBind(userId))
                .orderBy("set_at", .descending).limit(count).all(decodingColumn: "password_hash", as: String.self)
        }
    }

    /// When the account's current password was set; nil when none was remembered.
    public func passwordSetAt(of userId: UUID) async throws -> Date? {
        try await database.read { db in
            try await db.select().column("set_at").from("password_history").where("user_id", .equal, SQLBind(userId))
                .orderBy("set_at", .descending).limit(1).first(decodingColumn: "set_at", as: Date.self)
        }
    }

    /// Remembers `passwordHash` as the account's newest password, set at `date`, keeping the last `keep`.
    public func rememberPassword(_ passwordHash: String, of userId: UUID, keep: Int, at date: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.insert(into: "password_history").columns("user_id", "password_hash", "set_at")
                .values(SQLBind(userId), SQLBind(passwordHash), SQLBind(date)).run()
            let kept = try await db.select().column("set_at").from("password_history").where("user_id", .equal, SQLBind(userId))
                .orderBy("set_at", .descending).limit(keep).all(decodingColumn: "set_at", as: Date.self)
            if kept.count == keep, let oldest = kept.last {
                try await db.delete(from: "password_history").where("user_id", .equal, SQLBind(userId))
                    .where("set_at", .lessThan, SQLBind(oldest)).run()
            }
        }
    }
}

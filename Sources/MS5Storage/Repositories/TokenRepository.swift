import Foundation
import MS5Domain
import SQLKit

/// Bearer tokens of signed-in users, kept only as hashes so that a copy of the database signs nobody in.
public struct TokenRepository: Sendable {
    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Records a token (by its hash) for `userId`, valid until `expiresAt`.
    public func issue(tokenHash: String, userId: UUID, expiresAt: Date) async throws {
        try await database.transaction { db in
            try await db.insert(into: "auth_tokens")
                .columns("token_hash", "user_id", "created_at", "expires_at")
                .values(SQLBind(tokenHash), SQLBind(userId), SQLBind(RecordClock.now()), SQLBind(expiresAt))
                .run()
        }
    }

    /// The enabled account a live token belongs to, or nil for an unknown, expired or disabled one.
    public func user(tokenHash: String, at now: Date = Date()) async throws -> User? {
        try await owner(tokenHash: tokenHash, at: now)?.user
    }

    /// The enabled account a live token belongs to and when the token expires; nil for an
    /// unknown, expired or disabled one.
    public func owner(tokenHash: String, at now: Date = Date()) async throws -> (user: User, expiresAt: Date)? {
        try await database.read { db in
            guard let row = try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("users")))
                .column(SQLColumn("expires_at", table: "auth_tokens"))
                .from("auth_tokens")
                .join("users", on: SQLColumn("user_id", table: "auth_tokens"), .equal, SQLColumn("id", table: "users"))
                .where(SQLColumn("token_hash", table: "auth_tokens"), .equal, SQLBind(tokenHash))
                .where(SQLColumn("expires_at", table: "auth_tokens"), .greaterThan, SQLBind(now))
                .where(SQLColumn("disabled", table: "users"), .equal, SQLBind(false))
                .limit(1)
                .first()
            else { return nil }
            return (try row.decode(model: User.self, keyDecodingStrategy: .convertFromSnakeCase),
                    try row.decode(column: "expires_at", as: Date.self))
        }
    }

    /// Revokes one token.
    public func revoke(tokenHash: String) async throws {
        try await database.transaction { db in
            try await db.delete(from: "auth_tokens").where("token_hash", .equal, tokenHash).run()
        }
    }

    /// Revokes every token of an account, after a password reset.
    public func revokeAll(userId: UUID) async throws {
        try await database.transaction { db in
            try await db.delete(from: "auth_tokens").where("user_id", .equal, userId).run()
        }
    }

    /// Deletes tokens that expired before `now`; returns how many.
    @discardableResult
    public func purgeExpired(at now: Date = Date()) async throws -> Int {
        try await database.transaction { db in
            let rows = try await db.delete(from: "auth_tokens").where("expires_at", .lessThanOrEqual, now)
                .returning("token_hash").all()
            return rows.count
        }
    }
}

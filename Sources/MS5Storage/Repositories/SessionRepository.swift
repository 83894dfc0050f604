import Foundation
import MS5Domain
import SQLKit

/// Sign-in sessions and their refresh tokens. A session is one sign-in on one device; its refresh
/// tokens form a family of which only the newest is active. Tokens are kept only as hashes, so
/// that a copy of the database signs nobody in.
public struct SessionRepository: Sendable {
    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Starts a session of `userId` at `now`, ending at `expiresAt`, with its first refresh token;
    /// `deviceId` names the shared tablet it was started on by badge, if any.
    public func start(userId: UUID, refreshTokenHash: String, now: Date, expiresAt: Date, deviceId: UUID? = nil) async throws -> UUID {
        let id = UUID()
        try await database.transaction { db in
            try await db.insert(into: "auth_sessions").columns("id", "user_id", "created_at", "last_seen_at", "expires_at", "device_id")
                .values(SQLBind(id), SQLBind(userId), SQLBind(now), SQLBind(now), SQLBind(expiresAt), SQLBind(deviceId))
                .run()
            try await Self.insertActive(db, hash: refreshTokenHash, sessionId: id, now: now)
        }
        return id
    }

    /// The refresh token stored under `hash` and its session; nil for a token never issued (or purged).
    public func refreshToken(hash: String) async throws -> StoredRefreshToken? {
        try await database.read { db in
            guard let row = try await db.select()
                .column(SQLColumn("session_id", table: "refresh_tokens"))
                .column(SQLColumn("state", table: "refresh_tokens"))
                .column(SQLColumn("last_seen_at", table: "auth_sessions"))
                .column(SQLColumn("expires_at", table: "auth_sessions"))
                .column(SQLColumn("revoked_at", table: "auth_sessions"))
                .from("refresh_tokens")
                .join("auth_sessions", on: SQLColumn("session_id", table: "refresh_tokens"), .equal, SQLColumn("id", table: "auth_sessions"))
                .where(SQLColumn("token_hash", table: "refresh_tokens"), .equal, SQLBind(hash))
                .first()
            else { return nil }
            return StoredRefreshToken(
                sessionId: try row.decode(column: "session_id", as: UUID.self),
                state: StoredRefreshToken.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .rotated,
                lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
                expiresAt: try row.decode(column: "expires_at", as: Date.self),
                revokedAt: try row.decode(column: "revoked_at", as: Date?.self))
        }
    }

    /// Marks the active token `hash` rotated and makes `newHash` the session's active token, as one
    /// step; the session counts as used at `now`. Answers false, changing nothing, when `hash` was
    /// no longer active (another request rotated it first).
    public func rotate(_ hash: String, to newHash: String, sessionId: UUID, now: Date) async throws -> Bool {
        try await database.transaction { db in
            let rotated = try await db.update("refresh_tokens").set("state", to: SQLBind(StoredRefreshToken.State.rotated.rawValue))
                .where("token_hash", .equal, SQLBind(hash))
                .where("state", .equal, SQLBind(StoredRefreshToken.State.active.rawValue))
                .returning("token_hash").all()
            guard !rotated.isEmpty else { return false }
            try await Self.insertActive(db, hash: newHash, sessionId: sessionId, now: now)
            try await db.update("auth_sessions").set("last_seen_at", to: SQLBind(now)).where("id", .equal, SQLBind(sessionId)).run()
            return true
        }
    }

    /// The session `id` when it is live at `now`: not revoked, not expired, of an enabled account.
    public func live(_ id: UUID, at now: Date) async throws -> LiveSession? {
        try await database.read { db in
            guard let row = try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("users")))
                .column(SQLColumn("last_seen_at", table: "auth_sessions"))
                .column(SQLColumn("expires_at", table: "auth_sessions"))
                .from("auth_sessions")
                .join("users", on: SQLColumn("user_id", table: "auth_sessions"), .equal, SQLColumn("id", table: "users"))
                .where(SQLColumn("id", table: "auth_sessions"), .equal, SQLBind(id))
                .where(SQLColumn("revoked_at", table: "auth_sessions"), .is, SQLLiteral.null)
                .where(SQLColumn("expires_at", table: "auth_sessions"), .greaterThan, SQLBind(now))
                .where(SQLColumn("disabled", table: "users"), .equal, SQLBind(false))
                .first()
            else { return nil }
            return LiveSession(
                id: id, user: try row.decode(model: User.self, keyDecodingStrategy: .convertFromSnakeCase),
                lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
                expiresAt: try row.decode(column: "expires_at", as: Date.self))
        }
    }

    /// Records that the session was used at `now`.
    public func touch(_ id: UUID, at now: Date) async throws {
        try await database.transaction { db in
            try await db.update("auth_sessions").set("last_seen_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
        }
    }

    /// Revokes one session and with it every refresh token of its family, saying why.
    public func revoke(_ id: UUID, reason: String, at now: Date) async throws {
        try await database.transaction { db in
            try await db.update("auth_sessions").set("revoked_at", to: SQLBind(now)).set("reason", to: SQLBind(reason))
                .where("id", .equal, SQLBind(id)).where("revoked_at", .is, SQLLiteral.null).run()
        }
    }

    /// Revokes every session of an account (its password changed or was reset).
    public func revokeAll(userId: UUID, reason: String, at now: Date) async throws {
        try await database.transaction { db in
            try await db.update("auth_sessions").set("revoked_at", to: SQLBind(now)).set("reason", to: SQLBind(reason))
                .where("user_id", .equal, SQLBind(userId)).where("revoked_at", .is, SQLLiteral.null).run()
        }
    }

    /// Revokes every live session started on the device `deviceId` (the device was revoked); answers their ids.
    public func revokeAll(deviceId: UUID, reason: String, at now: Date) async throws -> [UUID] {
        try await database.transaction { db in
            try await db.update("auth_sessions").set("revoked_at", to: SQLBind(now)).set("reason", to: SQLBind(reason))
                .where("device_id", .equal, SQLBind(deviceId)).where("revoked_at", .is, SQLLiteral.null)
                .returning("id").all(decodingColumn: "id", as: UUID.self)
        }
    }

    /// Deletes sessions that ended before `now`, revoked or not, with their refresh tokens; answers how many.
    @discardableResult
    public func purgeExpired(at now: Date = Date()) async throws -> Int {
        try await database.transaction { db in
            let ended = SQLSubquery.select { $0.column("id").from("auth_sessions").where("expires_at", .lessThanOrEqual, SQLBind(now)) }
            try await db.delete(from: "refresh_tokens").where("session_id", .in, ended).run()
            return try await db.delete(from: "auth_sessions").where("expires_at", .lessThanOrEqual, SQLBind(now))
                .returning("id").all().count
        }
    }

    private static func insertActive(_ db: any SQLDatabase, hash: String, sessionId: UUID, now: Date) async throws {
        try await db.insert(into: "refresh_tokens").columns("token_hash", "session_id", "state", "created_at")
            .values(SQLBind(hash), SQLBind(sessionId), SQLBind(StoredRefreshToken.State.active.rawValue), SQLBind(now))
            .run()
    }
}

import Foundation
import MS5Domain
import SQLKit

/// TOTP second factors and their recovery codes. Recovery codes are kept only as hashes.
///
/// The secret itself is stored as it is: the server must compute codes from it.
public struct TOTPStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The factor of `userId`, pending or confirmed; nil when there is none.
    public func factor(of userId: UUID) async throws -> StoredTOTPFactor? {
        try await database.read { db in
            guard let row = try await db.select().columns("secret", "last_step", "confirmed_at").from("totp_factors")
                .where("user_id", .equal, SQLBind(userId)).first()
            else { return nil }
            guard let secret = Data(base64Encoded: try row.decode(column: "secret", as: String.self)) else {
                throw StorageError(.corrupt, "The TOTP secret of account \(userId) is not base64.")
            }
            return StoredTOTPFactor(
                secret: secret, confirmed: try row.decode(column: "confirmed_at", as: Date?.self) != nil,
                lastStep: try row.decode(column: "last_step", as: Int64.self))
        }
    }

    /// Starts (or starts again) a pending enrolment of `userId` with `secret`.
    public func startEnrolment(of userId: UUID, secret: Data, now: Date) async throws {
        try await database.transaction { db in
            try await db.delete(from: "totp_factors").where("user_id", .equal, SQLBind(userId)).run()
            try await db.insert(into: "totp_factors").columns("user_id", "secret", "last_step", "created_at")
                .values(SQLBind(userId), SQLBind(secret.base64EncodedString()), SQLBind(Int64(0)), SQLBind(now)).run()
        }
    }

    /// Confirms the pending factor with the code of `step`, turns TOTP on for the account and
    /// replaces its recovery codes with `recoveryCodeHashes`.
    public func confirm(_ userId: UUID, step: Int64, recoveryCodeHashes: [String], now: Date) async throws {
        try await database.transaction { db in
            try await db.update("totp_factors").set("confirmed_at", to: SQLBind(now)).set("last_step", to: SQLBind(step))
                .where("user_id", .equal, SQLBind(userId)).run()
            try await db.update("users").set("totp_enabled", to: SQLBind(true)).where("id", .equal, SQLBind(userId)).run()
            try await db.delete(from: "recovery_codes").where("user_id", .equal, SQLBind(userId)).run()
            for hash in recoveryCodeHashes {
                try await db.insert(into: "recovery_codes").columns("user_id", "code_hash").values(SQLBind(userId), SQLBind(hash)).run()
            }
        }
    }

    /// Records that the code of `step` was used; false, changing nothing, when a code of that
    /// step or a later one was used before (a replay).
    public func useStep(_ step: Int64, of userId: UUID) async throws -> Bool {
        try await database.transaction { db in
            try await !db.update("totp_factors").set("last_step", to: SQLBind(step))
                .where("user_id", .equal, SQLBind(userId)).where("last_step", .lessThan, SQLBind(step))
                .returning("user_id").all().isEmpty
        }
    }

    /// The hashes of the account's unused recovery codes.
    public func recoveryCodeHashes(of userId: UUID) async throws -> [String] {
        try await database.read { db in
            try await db.select().column("code_hash").from("recovery_codes").where("user_id", .equal, SQLBind(userId))
                .all(decodingColumn: "code_hash", as: String.self)
        }
    }

    /// Uses up one recovery code; false when it was used already.
    public func useRecoveryCode(hash: String, of userId: UUID) async throws -> Bool {
        try await database.transaction { db in
            try await !db.delete(from: "recovery_codes").where("user_id", .equal, SQLBind(userId)).where("code_hash", .equal, SQLBind(hash))
                .returning("code_hash").all().isEmpty
        }
    }

    /// Removes the factor and the recovery codes, and turns TOTP off for the account.
    public func remove(_ userId: UUID) async throws {
        try await database.transaction { db in
            try await db.delete(from: "recovery_codes").where("user_id", .equal, SQLBind(userId)).run()
            try await db.delete(from: "totp_factors").where("user_id", .equal, SQLBind(userId)).run()
            try await db.update("users").set("totp_enabled", to: SQLBind(false)).where("id", .equal, SQLBind(userId)).run()
        }
    }
}

import Foundation
import SQLKit

/// What a browser sign-in through the OpenID provider keeps between its steps: the attempt
/// (state, nonce, PKCE verifier) until the provider sends the browser back, and then a one-time
/// code (stored hashed) the floor app swaps for tokens. Each is taken once and expires.
public struct OIDCSignInStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Keeps a started attempt until `expiresAt`.
    public func saveAttempt(state: String, nonce: String, codeVerifier: String, expiresAt: Date) async throws {
        try await database.transaction { db in
            try await db.insert(into: "oidc_sign_ins").columns("state", "nonce", "code_verifier", "expires_at")
                .values(SQLBind(state), SQLBind(nonce), SQLBind(codeVerifier), SQLBind(expiresAt)).run()
        }
    }

    /// Takes (deletes and answers) the attempt of `state` unless it expired; expired attempts are dropped.
    public func takeAttempt(state: String, at now: Date) async throws -> (nonce: String, codeVerifier: String)? {
        try await database.transaction { db in
            try await db.delete(from: "oidc_sign_ins").where("expires_at", .lessThanOrEqual, SQLBind(now)).run()
            guard let row = try await db.delete(from: "oidc_sign_ins").where("state", .equal, SQLBind(state))
                .returning("nonce", "code_verifier").first()
            else { return nil }
            return (try row.decode(column: "nonce", as: String.self), try row.decode(column: "code_verifier", as: String.self))
        }
    }

    /// Keeps a one-time code (by its hash) for `userId` until `expiresAt`.
    public func saveHandoff(codeHash: String, userId: UUID, expiresAt: Date) async throws {
        try await database.transaction { db in
            try await db.insert(into: "oidc_handoffs").columns("code_hash", "user_id", "expires_at")
                .values(SQLBind(codeHash), SQLBind(userId), SQLBind(expiresAt)).run()
        }
    }

    /// Takes the account of a one-time code unless it expired; expired codes are dropped.
    public func takeHandoff(codeHash: String, at now: Date) async throws -> UUID? {
        try await database.transaction { db in
            try await db.delete(from: "oidc_handoffs").where("expires_at", .lessThanOrEqual, SQLBind(now)).run()
            return try await db.delete(from: "oidc_handoffs").where("code_hash", .equal, SQLBind(codeHash))
                .returning("user_id").first(decodingColumn: "user_id", as: UUID.self)
        }
    }
}

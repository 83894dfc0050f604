import Foundation
import SQLKit

/// The first response to each write sent with an `Idempotency-Key`, per account.
///
/// A key is claimed before the write runs, so two copies of one request arriving together
/// cannot both run; the response is kept once the write succeeded, and the claim is released
/// when it failed, so that a corrected retry may run.
public struct IdempotencyStore: Sendable {
    /// A response kept for replay.
    public struct StoredResponse: Sendable, Equatable {
        public var status: Int
        public var contentType: String?
        public var body: String?

        /// Creates a kept response.
        public init(status: Int, contentType: String?, body: String?) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// What claiming a key found.
    public enum Claim: Sendable, Equatable {
        /// The key is new: run the request, then ``complete(userId:key:response:)`` or ``release(userId:key:)``.
        case claimed
        /// The same request ran before: answer with its response.
        case replay(StoredResponse)
        /// The same request is running now.
        case inProgress
        /// The key was used for a different request.
        case mismatch
    }

    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` tells the time (tests pass their own).
    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// Claims `key` of `userId` for the request whose method, path and body hash to `requestHash`.
    public func claim(userId: UUID, key: String, requestHash: String) async throws -> Claim {
        let inserted = try await database.transaction { db in
            try await db.insert(into: "idempotency_keys")
                .columns("user_id", "idempotency_key", "request_hash", "created_at")
                .values(SQLBind(userId), SQLBind(key), SQLBind(requestHash), SQLBind(clock()))
                .ignoringConflicts(with: ["user_id", "idempotency_key"])
                .returning("user_id").all()
        }
        if !inserted.isEmpty { return .claimed }
        let row = try await database.read { db in
            try await db.select().columns("request_hash", "status", "content_type", "body").from("idempotency_keys")
                .where("user_id", .equal, SQLBind(userId)).where("idempotency_key", .equal, SQLBind(key)).first()
        }
        // Released between the insert and the read: the other request failed, so this one may run.
        guard let row else { return try await claim(userId: userId, key: key, requestHash: requestHash) }
        guard try row.decode(column: "request_hash", as: String.self) == requestHash else { return .mismatch }
        guard let status = try row.decode(column: "status", as: Int?.self) else { return .inProgress }
        return .replay(StoredResponse(
            status: status, contentType: try row.decode(column: "content_type", as: String?.self),
            body: try row.decode(column: "body", as: String?.self)))
    }

    /// Keeps the response of the request that claimed `key`.
    public func complete(userId: UUID, key: String, response: StoredResponse) async throws {
        try await database.transaction { db in
            try await db.update("idempotency_keys")
                .set("status", to: SQLBind(response.status)).set("content_type", to: SQLBind(response.contentType))
                .set("body", to: SQLBind(response.body))
                .where("user_id", .equal, SQLBind(userId)).where("idempotency_key", .equal, SQLBind(key)).run()
        }
    }

    /// Gives `key` up after its request failed, so that it can be sent again.
    public func release(userId: UUID, key: String) async throws {
        try await database.transaction { db in
            try await db.delete(from: "idempotency_keys")
                .where("user_id", .equal, SQLBind(userId)).where("idempotency_key", .equal, SQLBind(key))
                .where("status", .is, SQLLiteral.null).run()
        }
    }
}

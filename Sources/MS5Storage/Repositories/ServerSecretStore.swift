import Foundation
import SQLKit

/// Secrets the server makes for itself (the key that signs access tokens), kept in the database
/// so that every instance on one database shares them. They are never logged.
public struct ServerSecretStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The secret named `name`; the first instance to ask stores what `generate` makes, and
    /// every instance, then and later, gets that same value.
    public func secret(named name: String, generate: @Sendable () -> Data) async throws -> Data {
        let candidate = generate().base64EncodedString()
        return try await database.transaction { db in
            try await db.insert(into: "server_secrets").columns("name", "value", "created_at")
                .values(SQLBind(name), SQLBind(candidate), SQLBind(RecordClock.now()))
                .ignoringConflicts(with: "name")
                .run()
            guard let stored = try await db.select().column("value").from("server_secrets").where("name", .equal, SQLBind(name))
                .first(decodingColumn: "value", as: String.self), let secret = Data(base64Encoded: stored)
            else { throw StorageError(.corrupt, "The server secret '\(name)' is missing or not base64.") }
            return secret
        }
    }
}

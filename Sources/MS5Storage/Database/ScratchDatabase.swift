import Foundation
import Logging
import SQLKit

/// A throw-away database for tests and benchmarks: a new SQLite file in a temporary folder, or a
/// new database on a PostgreSQL server; removed when the work is done, also when it fails.
public enum ScratchDatabase {
    /// Where to make the scratch database.
    public enum Location: Sendable {
        /// A temporary SQLite file.
        case sqlite
        /// A new database on this server (the URL's database is only used to connect).
        case postgres(PostgresSettings)
    }

    /// Runs `body` with a new, empty database at `location`, named with `prefix`, and removes it afterwards.
    public static func with<R: Sendable>(
        _ location: Location, prefix: String, logger: Logger, _ body: @Sendable (Database) async throws -> R
    ) async throws -> R {
        switch location {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await Database.withOpen(.sqliteFile(path: folder.appendingPathComponent("scratch.sqlite").path), logger: logger, body)
        case .postgres(let server):
            let name = "\(prefix.replacingOccurrences(of: "-", with: "_"))_\(UUID().uuidString.prefix(8).lowercased())"
            try await admin(server, "CREATE DATABASE \(ident: name)", logger: logger)
            var settings = server
            settings.database = name
            do {
                let result = try await Database.withOpen(.postgres(settings), logger: logger, body)
                try await admin(server, "DROP DATABASE \(ident: name) WITH (FORCE)", logger: logger)
                return result
            } catch {
                try? await admin(server, "DROP DATABASE \(ident: name) WITH (FORCE)", logger: logger)
                throw error
            }
        }
    }

    private static func admin(_ server: PostgresSettings, _ statement: SQLQueryString, logger: Logger) async throws {
        try await Database.withOpen(.postgres(server), logger: logger) { database in
            try await database.read { db in try await db.raw(statement).run() }
        }
    }
}

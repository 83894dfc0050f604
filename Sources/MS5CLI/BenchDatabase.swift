import Foundation
import Logging
import MS5Storage
import SQLKit

/// A scratch database for a benchmark: a temporary SQLite file, or a new database on a
/// PostgreSQL server, removed afterwards.
enum BenchDatabase {
    static func with(_ target: String, logger: Logger, _ body: @Sendable (Database) async throws -> Void) async throws {
        if target == "sqlite" {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await Database.withOpen(.sqliteFile(path: folder.appendingPathComponent("bench.sqlite").path), logger: logger, body)
            return
        }
        guard case .postgres(let server) = try DatabaseURL(parsing: target) else {
            throw CommandFailure("--database must be sqlite or a postgres:// URL.")
        }
        let name = "ms5_bench_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin(server, "CREATE DATABASE \(name)", logger: logger)
        var settings = server
        settings.database = name
        do {
            try await Database.withOpen(.postgres(settings), logger: logger, body)
        } catch {
            try? await admin(server, "DROP DATABASE \(name) WITH (FORCE)", logger: logger)
            throw error
        }
        try await admin(server, "DROP DATABASE \(name) WITH (FORCE)", logger: logger)
    }

    private static func admin(_ server: PostgresSettings, _ statement: String, logger: Logger) async throws {
        try await Database.withOpen(.postgres(server), logger: logger) { database in
            try await database.read { db in try await db.raw(SQLQueryString(statement)).run() }
        }
    }
}

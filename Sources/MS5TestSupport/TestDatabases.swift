import Foundation
import Logging
import MS5Storage
import SQLKit

/// The databases every storage test runs on: a fresh SQLite file always, and a fresh PostgreSQL
/// database when `MS5_TEST_POSTGRES_URL` names a server. Shared by the test targets.
public enum TestDatabases {
    static let logger = Logger(label: "ms5.test")

    /// The kinds to run on in this environment.
    public static var kinds: [Database.Kind] {
        ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Runs `body` with a new, migrated database of `kind`, removed afterwards.
    public static func with(_ kind: Database.Kind, migrated: Bool = true, _ body: @Sendable (Database) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await run(.sqliteFile(path: folder.appendingPathComponent("test.sqlite").path), migrated: migrated, body)
        case .postgres:
            let server = try PostgresSettings(url: ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"]!)
            let name = "ms5_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await admin(server, "CREATE DATABASE \(name)")
            var settings = server
            settings.database = name
            do {
                try await run(.postgres(settings), migrated: migrated, body)
            } catch {
                try? await admin(server, "DROP DATABASE \(name) WITH (FORCE)")
                throw error
            }
            try await admin(server, "DROP DATABASE \(name) WITH (FORCE)")
        }
    }

    private static func run(_ url: DatabaseURL, migrated: Bool, _ body: @Sendable (Database) async throws -> Void) async throws {
        try await Database.withOpen(url, logger: logger) { database in
            if migrated { try await Migrator(database: database).migrate() }
            try await body(database)
        }
    }

    private static func admin(_ server: PostgresSettings, _ statement: String) async throws {
        try await Database.withOpen(.postgres(server), logger: logger) { database in
            try await database.read { db in try await db.raw(SQLQueryString(statement)).run() }
        }
    }
}

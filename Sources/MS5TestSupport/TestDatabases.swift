import Foundation
import Logging
import MS5Storage

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
        let location: ScratchDatabase.Location = switch kind {
        case .sqlite: .sqlite
        case .postgres: .postgres(try PostgresSettings(url: ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"] ?? ""))
        }
        try await ScratchDatabase.with(location, prefix: "ms5-test", logger: logger) { database in
            if migrated { try await Migrator(database: database).migrate() }
            try await body(database)
        }
    }
}

import Foundation
import SQLKit

/// Brings a database's schema to the version this binary knows, and says where it stands.
public struct Migrator: Sendable {
    /// Every migration, in version order. Append only.
    static let migrations: [Migration] = [
        .plantModel, .timeSeries, .machineData, .aggregateTracking, .production, .connections, .andon, .idempotency, .teams,
        .signInProtection, .checklists, .connectionCredentials, .auditLedger, .sessions, .totp, .externalAccounts, .oidcSignIns,
        .sharedTablets, .signatures, .userSites, .kpiDayParts, .kpiParts, .compactSamples, .outbox, .workflows,
        .inboundMessages, .eventSubscriptions, .andonWorkflows, .workflowSignals,
    ]

    /// Where a database's schema stands against this binary.
    public struct Status: Sendable, Equatable {
        /// The highest version applied to the database (0 for an empty one).
        public let applied: Int
        /// The highest version this binary knows.
        public let latest: Int
        /// True when the database is exactly at this binary's version.
        public var isCurrent: Bool { applied == latest }
    }

    /// A migration that was applied by ``migrate(progress:)``.
    public struct Applied: Sendable, Equatable {
        public let version: Int
        public let name: String
    }

    let database: Database

    /// Creates a migrator for `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The highest version this binary knows.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Reads the schema version without changing anything.
    public func status() async throws -> Status {
        let kind = database.kind
        let applied = try await database.read { db in try await Self.appliedVersion(db, kind: kind) }
        return Status(applied: applied, latest: Self.latestVersion)
    }

    /// Applies every pending migration up to `version` (all of them by default), each in its own
    /// transaction, reporting each as it lands. Refuses a database whose schema is newer than this binary.
    @discardableResult
    public func migrate(through version: Int = Int.max, progress: @Sendable (Applied) -> Void = { _ in }) async throws -> [Applied] {
        let kind = database.kind
        try await database.transaction { db in
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS ms5_schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """).run()
        }
        var done: [Applied] = []
        for migration in Self.migrations where migration.version <= version {
            let applied = try await database.transaction { db -> Bool in
                if kind == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLockKey))").run()
                }
                let current = try await Self.appliedVersion(db, kind: kind)
                if current > Self.latestVersion { throw Self.tooNew(current) }
                guard migration.version > current else { return false }
                try await migration.apply(db, kind)
                try await db.insert(into: "ms5_schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Date().formatted(.iso8601)))
                    .run()
                return true
            }
            if applied {
                let step = Applied(version: migration.version, name: migration.name)
                progress(step)
                done.append(step)
            }
        }
        return done
    }

    /// Fails unless the schema is exactly this binary's version: for `--no-migrate` starts.
    public func requireCurrent() async throws {
        let status = try await status()
        if status.applied > status.latest { throw Self.tooNew(status.applied) }
        if status.applied < status.latest {
            throw StorageError(.schemaBehind, "The database schema is at version \(status.applied) but this ms5 needs version \(status.latest); run 'ms5 migrate' first.")
        }
    }

    static let advisoryLockKey = 0x4D53_3553_4348_454D

    private static func tooNew(_ version: Int) -> StorageError {
        StorageError(
            .schemaTooNew,
            "The database schema is at version \(version), newer than this ms5 knows (\(latestVersion)). Run the ms5 release that wrote it, or a newer one; this one will not touch it."
        )
    }

    private static func appliedVersion(_ db: any SQLDatabase, kind: Database.Kind) async throws -> Int {
        let exists: Int
        switch kind {
        case .postgres:
            exists = try await db.raw("SELECT count(*) AS n FROM pg_tables WHERE tablename = 'ms5_schema_migrations'")
                .first(decodingColumn: "n", as: Int.self) ?? 0
        case .sqlite:
            exists = try await db.raw("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'ms5_schema_migrations'")
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
        guard exists > 0 else { return 0 }
        return try await db.raw("SELECT coalesce(max(version), 0) AS v FROM ms5_schema_migrations")
            .first(decodingColumn: "v", as: Int.self) ?? 0
    }
}

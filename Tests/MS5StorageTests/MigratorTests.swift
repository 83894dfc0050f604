import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigratorTests {
    @Test("An empty database is brought to the latest version, and a second run changes nothing", arguments: TestDatabases.kinds)
    func migratesOnce(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind, migrated: false) { database in
            let migrator = Migrator(database: database)
            #expect(try await migrator.status().applied == 0)
            let first = try await migrator.migrate()
            #expect(first.map(\.version) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30])
            #expect(try await migrator.status().isCurrent)
            #expect(try await migrator.migrate().isEmpty)
        }
    }

    @Test("A database written by a newer ms5 is refused, and left as it is", arguments: TestDatabases.kinds)
    func refusesNewerSchema(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            try await database.transaction { db in
                try await db.raw("INSERT INTO ms5_schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')").run()
            }
            let error = await #expect(throws: StorageError.self) { try await Migrator(database: database).migrate() }
            #expect(error?.code == .schemaTooNew)
            #expect(error?.message.contains("version 99") == true)
            #expect(try await Migrator(database: database).status().applied == 99)
        }
    }

    @Test("A start without migrations refuses a database that is behind", arguments: TestDatabases.kinds)
    func requireCurrent(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind, migrated: false) { database in
            let error = await #expect(throws: StorageError.self) { try await Migrator(database: database).requireCurrent() }
            #expect(error?.code == .schemaBehind)
        }
    }

    @Test(
        "Without TimescaleDB, PostgreSQL keeps samples in monthly partitions made ahead, strays in the default one",
        arguments: TestDatabases.kinds.filter { $0 == .postgres })
    func monthlyPartitions(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let now = try Date("2031-05-10T08:00:00Z", strategy: .iso8601)
            try await database.transaction { db in try await TimeSeriesPartitions.ensure(on: db, now: now) }
            for ts in ["2031-04-01T00:00:00Z", "2031-07-31T23:59:59Z", "2031-08-01T00:00:00Z"] {
                let date = try Date(ts, strategy: .iso8601)
                try await database.transaction { db in
                    try await db.insert(into: "metric_samples").columns("metric_key", "ts", "value", "quality")
                        .values(SQLBind(1), SQLBind(date), SQLBind(42.5), SQLBind(192)).run()
                }
            }
            let partitions = try await database.read { db in
                try await db.raw("SELECT tableoid::regclass::text AS p FROM metric_samples ORDER BY ts")
                    .all(decodingColumn: "p", as: String.self)
            }
            #expect(partitions == ["metric_samples_y2031m04", "metric_samples_y2031m07", "metric_samples_default"])
        }
    }
}

import ArgumentParser
import Logging
import MS5Server
import MS5Storage

/// `ms5 migrate`: brings the database schema to this binary's version and says what it did.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending schema migrations to the database.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let config = try await options.load()
        let logger = LoggingSetup.bootstrap(config)
        try await Database.withOpen(config.database, logger: logger) { database in
            let applied = try await Migrator(database: database).migrate { step in
                print("applied \(step.version): \(step.name)")
            }
            let status = try await Migrator(database: database).status()
            print(applied.isEmpty
                ? "The database \(database.url) is up to date at version \(status.applied)."
                : "The database \(database.url) is now at version \(status.applied).")
        }
    }
}

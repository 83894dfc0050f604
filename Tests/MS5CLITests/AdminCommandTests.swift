import Foundation
import Testing

@Suite("ms5 administration commands")
struct AdminCommandTests {
    @Test("version names the release and the schema")
    func version() async throws {
        let result = try await MS5Process.run(["version"], in: try MS5Process.temporaryFolder())
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ms5 0.1.0 (schema version 30)"))
    }

    @Test("migrate applies every step once, then says the database is up to date")
    func migrate() async throws {
        let folder = try MS5Process.temporaryFolder()
        let first = try await MS5Process.run(["migrate", "--database", "sqlite:plant.sqlite"], in: folder)
        #expect(first.status == 0)
        #expect(first.stdout.contains("applied 1: plant model and accounts"))
        #expect(first.stdout.contains("applied 2: time-series tables"))
        #expect(first.stdout.contains("applied 3: machine data"))
        #expect(first.stdout.contains("applied 4: aggregate tracking"))
        #expect(first.stdout.contains("applied 5: production"))
        #expect(first.stdout.contains("applied 6: plc connections and job assignments"))
        #expect(first.stdout.contains("applied 7: andon"))
        #expect(first.stdout.contains("applied 8: idempotency"))
        #expect(first.stdout.contains("applied 9: teams"))
        #expect(first.stdout.contains("applied 10: sign-in protection"))
        #expect(first.stdout.contains("applied 11: checklists"))
        #expect(first.stdout.contains("applied 12: connection credentials"))
        #expect(first.stdout.contains("applied 13: audit ledger"))
        #expect(first.stdout.contains("applied 14: sign-in sessions"))
        #expect(first.stdout.contains("applied 15: totp second factor"))
        #expect(first.stdout.contains("applied 16: external accounts"))
        #expect(first.stdout.contains("applied 22: kpi day parts"))
        let second = try await MS5Process.run(["migrate", "--database", "sqlite:plant.sqlite"], in: folder)
        #expect(second.stdout == "The database sqlite:plant.sqlite is up to date at version 30.\n")
    }

    @Test("user create, list and reset-password, with generated temporary passwords and passwords from stdin")
    func users() async throws {
        let folder = try MS5Process.temporaryFolder()
        let database = ["--database", "sqlite:plant.sqlite"]
        let created = try await MS5Process.run(["user", "create", "anna", "--role", "supervisor"] + database, in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created anna (supervisor)."))
        #expect(created.stdout.contains("password: "))
        let typed = try await MS5Process.run(
            ["user", "create", "bob", "--role", "engineer", "--password-stdin"] + database, in: folder, stdin: "a long typed password\n")
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(!typed.stdout.contains("password: "))
        let list = try await MS5Process.run(["user", "list"] + database, in: folder)
        #expect(list.stdout.contains("anna\tsupervisor\tmust-change-password\tanna"))
        #expect(list.stdout.contains("bob\tengineer\tactive\tbob"))
        let reset = try await MS5Process.run(["user", "reset-password", "bob"] + database, in: folder)
        #expect(reset.stdout.contains("Reset the password of bob."))
        #expect(try await MS5Process.run(["user", "list"] + database, in: folder).stdout.contains("bob\tengineer\tmust-change-password"))
        #expect(try await MS5Process.run(["user", "sites", "anna"] + database, in: folder).stdout == "anna works at every site.\n")
    }

    @Test("Bad input is refused with a clear message and a failing exit code", arguments: [
        (["user", "create", "zed", "--role", "wizard"], "Unknown role 'wizard'"),
        (["user", "create", "zed", "--role", "viewer", "--password-stdin"], "must be at least 12 characters"),
        (["user", "reset-password", "nobody"], "No account named 'nobody' exists."),
        (["user", "sites", "nobody"], "No account is named 'nobody'."),
        (["user", "create", "zed", "--role", "viewer", "--site", "NOPE"], "No site has the code 'NOPE'."),
        (["user", "sites", "zed", "--site", "A", "--every-site"], "Give --site codes or --every-site, not both."),
        (["serve", "--database", "mysql://x"], "must start with sqlite: or postgres://"),
        (["serve", "--port", "70000"], "http.port"),
        (["serve", "--log-format", "xml"], "must be text or json"),
    ])
    func refusals(arguments: [String], message: String) async throws {
        let folder = try MS5Process.temporaryFolder()
        let result = try await MS5Process.run(arguments + (arguments.contains("--database") ? [] : ["--database", "sqlite:plant.sqlite"]),
                                              in: folder, stdin: "short\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("Environment variables configure the server; a bad value names its key")
    func environment() async throws {
        let folder = try MS5Process.temporaryFolder()
        let result = try await MS5Process.run(["serve"], in: folder, environment: ["MS5_AUTH_BCRYPT_COST": "99"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Configuration key 'auth.bcryptCost' (environment MS5_AUTH_BCRYPT_COST) must be from 4 to 16."))
    }

    @Test("A TLS certificate file that cannot be read stops ms5 serve with the file named")
    func unreadableCertificate() async throws {
        let folder = try MS5Process.temporaryFolder()
        let missing = folder.appendingPathComponent("missing.pem").path
        let result = try await MS5Process.run(["serve", "--tls-certificate", missing, "--tls-key", missing], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Configuration key 'tls.certificate' (environment MS5_TLS_CERTIFICATE) names '\(missing)'"), "\(result.stderr)")
    }

    @Test("A JSON configuration file is read, and flags win over it")
    func configFile() async throws {
        let folder = try MS5Process.temporaryFolder()
        let file = folder.appendingPathComponent("ms5.json")
        try Data(#"{"database": {"url": "sqlite:from-file.sqlite"}, "log": {"level": "warning"}}"#.utf8).write(to: file)
        let fromFile = try await MS5Process.run(["migrate", "--config", file.path], in: folder)
        #expect(fromFile.stdout.contains("The database sqlite:from-file.sqlite is now at version 30."), "\(fromFile.stderr)")
        let flagWins = try await MS5Process.run(["migrate", "--config", file.path, "--database", "sqlite:from-flag.sqlite"], in: folder)
        #expect(flagWins.stdout.contains("sqlite:from-flag.sqlite"))
        let missing = try await MS5Process.run(["migrate", "--config", "nowhere.json"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("The configuration file 'nowhere.json' cannot be read"))
    }

    @Test("serve --no-migrate refuses a database that needs migrations")
    func noMigrate() async throws {
        let folder = try MS5Process.temporaryFolder()
        let result = try await MS5Process.run(["serve", "--no-migrate", "--port", "\(try MS5Process.freePort())", "--database", "sqlite:new.sqlite"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("run 'ms5 migrate' first"), "\(result.stderr)")
    }
}

@Suite("ms5 import")
struct ImportCommandTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/plc").standardizedFileURL

    @Test("Tags and faults import into the demo plant's equipment; malformed rows refuse the whole file")
    func imports() async throws {
        let folder = try MS5Process.temporaryFolder()
        let demo = try MS5Process(["demo", "--port", "0", "--database", "sqlite:plant.sqlite"], in: folder)
        _ = try await demo.demoAddress()
        #expect(try await demo.terminate() == 0)
        let database = ["--database", "sqlite:plant.sqlite"]
        let slc = try await MS5Process.run(
            ["import", "tags", Self.data.appendingPathComponent("basketloader1-slc500-tags.csv").path, "--equipment", "BSK1"] + database,
            in: folder)
        #expect(slc.status == 0, "\(slc.stderr)")
        #expect(slc.stdout.hasPrefix("Imported (slc): 452 new, 3 changed, 0 removed, 0 unchanged, 430 skipped, 0 malformed."))
        let faults = Self.data.appendingPathComponent("bagger1-fault-messages.csv").path
        let refused = try await MS5Process.run(["import", "faults", faults, "--equipment", "BAG1"] + database, in: folder)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("The file has 3 malformed row(s); nothing was imported."))
        #expect(refused.stderr.contains("line/10: tag 'Fault[Error]'"))
        #expect(!refused.stderr.contains("Usage:"))
        let dry = try await MS5Process.run(["import", "faults", faults, "--equipment", "BAG1", "--skip-invalid", "--dry-run"] + database, in: folder)
        #expect(dry.stdout.hasPrefix("Dry run, nothing changed (faults): 27 new, 5 changed, 0 removed, 14 unchanged, 7 skipped, 3 malformed."))
        let missing = try await MS5Process.run(["import", "faults", faults, "--equipment", "NOPE"] + database, in: folder)
        #expect(missing.stderr.contains("No equipment with code NOPE exists."))
    }
}

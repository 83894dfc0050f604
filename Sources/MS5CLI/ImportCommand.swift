import ArgumentParser
import Foundation
import MS5Domain
import MS5Server
import MS5Storage

/// `ms5 import`: the files plants already have, into an equipment's metrics and fault catalog.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import tag exports and fault-message CSVs.", subcommands: [Tags.self, Faults.self])

    /// Which file, for which equipment, and how.
    struct FileOptions: ParsableArguments {
        @Argument(help: "The exported file.")
        var file: String

        @Option(help: "The code of the equipment (e.g. BAG1).")
        var equipment: String

        @Option(help: "The code of the equipment's site, when several sites have that equipment code.")
        var site: String?

        @Flag(help: "Report what would change without changing anything.")
        var dryRun = false

        @Flag(help: "Import the good rows of a file that has malformed rows; otherwise nothing is imported.")
        var skipInvalid = false

        func text() throws -> String {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("Cannot read the file '\(file)'.") }
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
                throw ValidationError("The file '\(file)' is not text.")
            }
            return text
        }
    }

    struct Tags: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an RSLogix 5000 tag export or an RSLogix 500 symbol export as the equipment's metrics.")

        @OptionGroup var file: FileOptions
        @Option(help: "auto, logix or slc.")
        var format = "auto"
        @OptionGroup var options: ServerOptions

        func run() async throws {
            guard let format = ImportService.TagFormat(rawValue: format) else { throw ValidationError("--format must be auto, logix or slc.") }
            let text = try file.text()
            try await withImports(options, file) { imports, equipmentId in
                try await imports.importTags(text, equipmentId: equipmentId, format: format, dryRun: file.dryRun, skipInvalid: file.skipInvalid)
            }
        }
    }

    struct Faults: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the equipment's fault catalog with a fault-message CSV (Tag,Description,Source).")

        @OptionGroup var file: FileOptions
        @OptionGroup var options: ServerOptions

        func run() async throws {
            let text = try file.text()
            try await withImports(options, file) { imports, equipmentId in
                try await imports.importFaults(text, equipmentId: equipmentId, dryRun: file.dryRun, skipInvalid: file.skipInvalid)
            }
        }
    }
}

/// Opens the database, finds the equipment, runs the import and prints its report.
private func withImports(
    _ options: ServerOptions, _ file: ImportCommand.FileOptions,
    _ body: @Sendable (ImportService, UUID) async throws -> ImportReport
) async throws {
    let config = try await options.load()
    let logger = LoggingSetup.bootstrap(config)
    do {
        let report = try await Database.withOpen(config.database, logger: logger) { database in
            try await Migrator(database: database).migrate()
            let equipment = try await EquipmentRepository(database: database).withCode(file.equipment, siteCode: file.site)
            return try await body(ImportService(database: database, pipeline: nil), equipment.id)
        }
        Console.say(ImportReportText.render(report))
    } catch let error as DomainError {
        let lines = error.violations.prefix(20).map { "  \($0.field.dropFirst()): \($0.reason)" }
        throw CommandFailure(([error.message] + lines).joined(separator: "\n"))
    }
}

import ArgumentParser
import MS5Server
import MS5Storage

/// `ms5 version`: the release and the schema version it writes.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the ms5 version.")

    func run() {
        print("ms5 \(MS5Version.current) (schema version \(Migrator.latestVersion))")
    }
}

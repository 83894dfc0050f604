import ArgumentParser
import Foundation
import MS5Server

/// `ms5 events`: the events MS5 publishes.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "The events MS5 publishes: their schemas, and replaying a range to Kafka.",
        subcommands: [EventSchemasCommand.self, EventReplayCommand.self])
}

/// `ms5 events schemas --out DIR`: writes the JSON Schema of every event type, one file each.
struct EventSchemasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas", abstract: "Write the JSON Schema of every event type to a folder, one <type>.json each.")

    @Option(help: "The folder to write to; made when missing.")
    var out: String

    func run() async throws {
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let documents = try eventSchemaDocuments()
        for (type, document) in documents.sorted(by: { $0.key < $1.key }) {
            try document.write(to: folder.appendingPathComponent("\(type).json"), options: .atomic)
        }
        print("Wrote \(documents.count) event schemas to \(folder.path).")
    }
}

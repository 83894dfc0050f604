import ArgumentParser
import Foundation
import MS5EtherNetIP
import MS5EtherNetIPSimulator

/// `ms5 simulate`: stand-ins for plant equipment.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulate plant equipment on the real wire protocol.", subcommands: [SimulatePLCCommand.self])
}

/// `ms5 simulate plc --tags FILE [--slc FILE] --listen HOST:PORT`.
struct SimulatePLCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plc",
        abstract: "Serve the tags of an RSLogix 5000 export (and, over PCCC, the data files of an RSLogix 500 export) over EtherNet/IP.")

    @Option(help: "RSLogix 5000 tag export (CSV).")
    var tags: String?

    @Option(help: "RSLogix 500 symbol export (CSV), served to SLC/PCCC clients.")
    var slc: String?

    @Option(help: "Address to listen on, HOST:PORT (port 0 picks a free one).")
    var listen = "127.0.0.1:44818"

    @Flag(help: "Drive the tags from the simulated bread line: Bagger 1's values into the Logix tags, Basket Loader 1's into the SLC files.")
    var plant = false

    @Option(help: "Seed of the simulated line (with --plant).")
    var seed: UInt64 = 2026

    func validate() throws {
        guard tags != nil || slc != nil else { throw ValidationError("Give --tags, --slc or both.") }
    }

    func run() async throws {
        let table = SimulatedTagTable(try tags.map { PLCExportReader.logixTags(csv: try Self.read($0)) } ?? [])
        let files = SimulatedDataFiles(try slc.map { PLCExportReader.slcFiles(csv: try Self.read($0)) } ?? [])
        let parts = listen.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw CommandFailure("--listen must be HOST:PORT.") }
        let server = EtherNetIPServer(tags: table, files: files)
        let bound = try await server.start(host: String(parts[0]), port: port)
        Console.say("Serving \(table.definitions.count) tags and \(files.definitions.count) data files on \(parts[0]):\(bound); Ctrl-C stops.")
        guard plant else {
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        try await PlantTagDriver(tags: table, files: files, seed: seed).run { driven in
            Console.say("Driving tags from the simulated bread line (\(driven) written in the first second).")
        }
    }

    private static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure("Cannot read \(path): \(error.localizedDescription)")
        }
    }
}

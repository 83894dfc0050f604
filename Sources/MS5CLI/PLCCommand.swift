import ArgumentParser
import MS5EtherNetIP

/// `ms5 plc`: talk to an Allen-Bradley controller on site, over EtherNet/IP.
struct PLCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plc", abstract: "Identify, read, write and list tags of an Allen-Bradley controller (EtherNet/IP).",
        subcommands: [PLCIdentifyCommand.self, PLCReadCommand.self, PLCWriteCommand.self, PLCListCommand.self])
}

/// Which controller the `ms5 plc` commands talk to.
struct PLCTarget: ParsableArguments {
    @Argument(help: "Controller address, HOST or HOST:PORT (port 44818 by default).")
    var host: String

    @Option(help: "Backplane slot of a ControlLogix/CompactLogix controller.")
    var slot: UInt8 = 0

    @Flag(help: "SLC 500 / MicroLogix: PCCC data-table addresses (N7:10, B3:0/8, T4:0.ACC), no backplane routing.")
    var slc = false

    /// A client connected as the options say.
    func connect() async throws -> EtherNetIPClient {
        let parts = host.split(separator: ":")
        guard (1...2).contains(parts.count), let port = parts.count == 2 ? Int(parts[1]) : 44818 else {
            throw CommandFailure("'\(host)' is not HOST or HOST:PORT.")
        }
        let client = EtherNetIPClient()
        try await client.connect(host: String(parts[0]), port: port, slot: slc ? nil : slot)
        return client
    }
}

/// `ms5 plc identify HOST`.
struct PLCIdentifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "identify", abstract: "Print the controller's identity (vendor, product, revision, serial).")
    @OptionGroup var target: PLCTarget

    func run() async throws {
        let client = try await target.connect()
        Console.say("\(try await client.listIdentity())")
        await client.close()
    }
}

/// `ms5 plc read HOST TAG…`.
struct PLCReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Read tags in batched requests; a bad tag is reported on its own line.")
    @OptionGroup var target: PLCTarget
    @Argument(help: "Tags such as Speed, Arr[3], Timer1.PRE, Fault[1].3, Program:MainProgram.Count; with --slc N7:10, B3:0/8, F8:2.")
    var tags: [String]

    func run() async throws {
        let client = try await target.connect()
        let readings = target.slc ? try await client.readSLC(tags) : try await client.read(tags)
        await client.close()
        try PLCOutput.print(readings, separator: "=")
    }
}

/// `ms5 plc write HOST TAG=VALUE…`.
struct PLCWriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write", abstract: "Write TAG=VALUE pairs, each in the tag's own type (read first).")
    @OptionGroup var target: PLCTarget
    @Argument(help: "TAG=VALUE pairs, e.g. Speed=58.5 Running=1; with --slc N7:10=42.")
    var assignments: [String]

    func run() async throws {
        var pairs: [(tag: String, text: String)] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandFailure("'\(assignment)' is not TAG=VALUE.")
            }
            pairs.append((String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...])))
        }
        let client = try await target.connect()
        let outcomes: [TagReading]
        if target.slc {
            var values: [(address: String, value: CIPValue)] = []
            for (tag, text) in pairs {
                let address = try PCCCAddress(parsing: tag)
                let type: CIPDataType = address.bit != nil ? .bool : address.fileType == .float ? .real : .int
                values.append((tag, try CIPValueCoding.parse(text, as: type)))
            }
            outcomes = try await client.writeSLC(values)
        } else {
            let current = try await client.read(pairs.map(\.tag))
            var values: [(tag: String, value: CIPValue)] = []
            for ((tag, text), reading) in zip(pairs, current) {
                let type = try reading.result.get().dataType ?? .dint
                values.append((tag, try CIPValueCoding.parse(text, as: type)))
            }
            outcomes = try await client.write(values)
        }
        await client.close()
        try PLCOutput.print(outcomes, separator: "<-")
    }
}

/// `ms5 plc list HOST`.
struct PLCListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the controller's tags and types (Symbol object), where it supports it.")
    @OptionGroup var target: PLCTarget

    func run() async throws {
        let client = try await target.connect()
        let symbols: [SymbolInfo]
        do {
            symbols = try await client.listTags()
        } catch let error as EtherNetIPError {
            await client.close()
            // Controllers and simulators without the Symbol object refuse the service or drop the session.
            throw CommandFailure("The controller at \(target.host) does not give its tag list (\(error)); read tags by name with 'ms5 plc read'.")
        }
        await client.close()
        for symbol in symbols where !symbol.isSystem {
            Console.say("\(symbol.name)\t\(symbol.typeDescription)")
        }
    }
}

/// How `ms5 plc` prints tag results: one line each, and a failing exit status when any failed.
enum PLCOutput {
    static func print(_ readings: [TagReading], separator: String) throws {
        var failed = 0
        for reading in readings {
            switch reading.result {
            case .success(let value): Console.say("\(reading.tag) \(separator) \(value)")
            case .failure(let error):
                Console.say("\(reading.tag): \(error)")
                failed += 1
            }
        }
        if failed > 0 { throw CommandFailure("\(failed) of \(readings.count) tag(s) failed.") }
    }
}

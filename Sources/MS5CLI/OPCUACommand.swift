import ArgumentParser
import Foundation
import Logging
import MS5OPCUA

/// `ms5 opcua browse|read`: an engineer's way to find and read nodes on an OPC UA server.
struct OPCUACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opcua",
        abstract: "Browse and read an OPC UA server (opc.tcp, security policy None).",
        subcommands: [OPCUABrowseCommand.self, OPCUAReadCommand.self]
    )
}

/// The server and how to sign in.
struct OPCUAConnectionOptions: ParsableArguments {
    @Argument(help: "Endpoint URL, e.g. opc.tcp://192.168.1.20:4840/")
    var url: String

    @Option(help: "User name (anonymous when left out).")
    var user: String?

    @Flag(help: "Read the password for --user from standard input.")
    var passwordStdin = false

    /// A signed-in client.
    func connect() async throws -> OPCUAClient {
        var logger = Logger(label: "ms5.opcua")
        logger.logLevel = .warning
        var credentials = OPCUACredentials.anonymous
        if let user {
            guard passwordStdin, let password = readLine(strippingNewline: true) else {
                throw ValidationError("--user needs --password-stdin and the password on standard input")
            }
            credentials = .userName(user, password: password)
        }
        let client = OPCUAClient(configuration: .init(endpointURL: url, credentials: credentials), logger: logger)
        do {
            try await client.connect()
        } catch {
            throw CommandFailure("Could not connect to \(url): \(error)")
        }
        return client
    }
}

/// `ms5 opcua browse URL [NODE]`: the node's children, one per line.
struct OPCUABrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "List a node's children: browse name, node id and class (default: the Objects folder, i=85).")

    @OptionGroup var connection: OPCUAConnectionOptions

    @Argument(help: "Node id, e.g. ns=2;s=Line1")
    var node: String = "i=85"

    func run() async throws {
        let nodeID: NodeID
        do { nodeID = try NodeID(parsing: node) } catch { throw ValidationError("\(error)") }
        let client = try await connection.connect()
        do {
            for reference in try await client.browse(nodeID) {
                print("\(reference.browseName)\t\(reference.nodeID)\t\(reference.nodeClass)")
            }
        } catch {
            await client.close()
            throw CommandFailure("\(error)")
        }
        await client.close()
    }
}

/// `ms5 opcua read URL NODE…`: value, type, status and timestamps of each node.
struct OPCUAReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Read the value of nodes, with type, status and timestamps.")

    @OptionGroup var connection: OPCUAConnectionOptions

    @Argument(help: "Node ids, e.g. ns=2;s=Line1.Counter")
    var nodes: [String]

    func run() async throws {
        let nodeIDs = try nodes.map { text in
            do { return try NodeID(parsing: text) } catch { throw ValidationError("\(error)") }
        }
        let client = try await connection.connect()
        do {
            let values = try await client.read(nodeIDs)
            for (nodeID, value) in zip(nodeIDs, values) {
                print("\(nodeID)\t\(OPCUAValueText.text(value.value))\t\(value.value.typeName)\t\(value.status)\t"
                    + "source \(OPCUAValueText.text(value.sourceTimestamp))\tserver \(OPCUAValueText.text(value.serverTimestamp))")
            }
        } catch {
            await client.close()
            throw CommandFailure("\(error)")
        }
        await client.close()
    }
}

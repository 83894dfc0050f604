import Foundation
import MS5ChildProcess
import MS5Modbus
import NIOCore
import NIOPosix
import Testing

/// A peer server process started by a test and stopped by its PID.
final class PeerProcess: @unchecked Sendable {
    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Python of the peers' venv (override with MODBUS_PEER_PYTHON).
    static var python: String {
        ProcessInfo.processInfo.environment["MODBUS_PEER_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv-peers/bin/python").path
    }

    /// The compiled libmodbus example server (override with MODBUS_LIBMODBUS_SERVER).
    static var libmodbusServer: String {
        ProcessInfo.processInfo.environment["MODBUS_LIBMODBUS_SERVER"]
            ?? packageRoot.appendingPathComponent(".peers/modbus/random-test-server").path
    }

    /// The pymodbus peer listening on 127.0.0.1:`port`.
    static func pymodbus(port: Int) throws -> PeerProcess {
        let script = packageRoot.appendingPathComponent("scripts/modbus/peer_server.py").path
        return try PeerProcess(executable: python, arguments: [script, String(port)])
    }

    /// The libmodbus random-test-server on 127.0.0.1:1502; it serves one connection, then exits.
    static func libmodbus() throws -> PeerProcess {
        try PeerProcess(executable: libmodbusServer, arguments: [])
    }

    private let process = Process()

    private init(executable: String, arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw PeerError("\(executable) is missing: run scripts/test.sh to set up the peers")
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Whether the process is still running.
    var isRunning: Bool { process.isRunning }

    /// Kills the process by its PID (SIGKILL) and reaps it.
    func stop() {
        process.killAndWait()
    }

    /// Waits until 127.0.0.1:`port` accepts a TCP connection.
    func waitUntilAccepting(port: Int, timeout: Duration = .seconds(20)) async throws {
        try await waitUntil("port \(port) accepts connections", timeout: timeout) {
            guard self.isRunning else { throw PeerError("peer exited before listening on \(port)") }
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: port).get()
                try? await channel.close()
                return true
            } catch {
                return false
            }
        }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

/// A failure to run a peer.
struct PeerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` every 20 ms until it holds, failing after `timeout` (generous: a deadline, not a timing).
func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while try await !condition() {
        guard clock.now < deadline else {
            throw PeerError("timed out waiting until \(what)")
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Connects to a server that may still be starting, retrying until `timeout`.
func connectWhenReady(port: Int, timeout: Duration = .seconds(20)) async throws -> ModbusClient {
    var client: ModbusClient?
    try await waitUntil("a Modbus connection to \(port) opens", timeout: timeout) {
        client = try? await ModbusClient.connect(host: "127.0.0.1", port: port, requestTimeout: .seconds(5))
        return client != nil
    }
    return client!
}

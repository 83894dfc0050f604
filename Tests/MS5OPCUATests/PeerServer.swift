import Foundation
import Logging
import MS5ChildProcess
import MS5OPCUA
import NIOCore
import NIOPosix

/// Runs `scripts/peer_server.py` (asyncua) on a free loopback port for one test.
final class PeerServer: Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let port: Int
    private let process: Process

    var endpointURL: String { "opc.tcp://127.0.0.1:\(port)/ms5/" }

    /// Starts the server, on `port` or a free one, and waits until it accepts connections.
    init(port: Int? = nil, extraArguments: [String] = []) async throws {
        self.port = try port ?? Self.freePort()
        let python = Self.packageRoot.appendingPathComponent(".venv-peers/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw PeerServerError.missingPython(python.path)
        }
        process = Process()
        process.executableURL = python
        process.arguments = [Self.packageRoot.appendingPathComponent("scripts/opcua/peer_server.py").path, String(self.port)] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            try await waitForPort(deadline: .now + .seconds(30))
        } catch {
            stop()
            throw error
        }
    }

    /// Kills the server by PID and waits for it to exit.
    func stop() {
        process.killAndWait()
    }

    /// Freezes the server process (SIGSTOP): its sockets stay open but nothing is answered.
    func pause() {
        kill(process.processIdentifier, SIGSTOP)
    }

    /// Lets a paused server run again (SIGCONT).
    func resume() {
        kill(process.processIdentifier, SIGCONT)
    }

    deinit { stop() }

    private func waitForPort(deadline: ContinuousClock.Instant) async throws {
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw PeerServerError.exited(process.terminationStatus) }
            if let channel = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).get() {
                try? await channel.close()
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw PeerServerError.notReady(port)
    }

    private static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).wait()
        defer { try? channel.close().wait() }
        guard let port = channel.localAddress?.port else { throw PeerServerError.notReady(0) }
        return port
    }
}

/// Why the peer server could not be used.
enum PeerServerError: Error, CustomStringConvertible {
    case missingPython(String)
    case exited(Int32)
    case notReady(Int)

    var description: String {
        switch self {
        case let .missingPython(path): "\(path) missing: run scripts/test.sh to create the asyncua venv"
        case let .exited(status): "peer server exited with status \(status)"
        case let .notReady(port): "peer server did not listen on port \(port) in time"
        }
    }
}

/// Runs `body` against a fresh peer server and a connected client, always stopping both.
func withConnectedClient<T>(
    credentials: OPCUACredentials = .anonymous,
    _ body: (OPCUAClient, PeerServer) async throws -> T
) async throws -> T {
    let server = try await PeerServer()
    defer { server.stop() }
    let client = OPCUAClient(configuration: .init(endpointURL: server.endpointURL, credentials: credentials), logger: testLogger)
    do {
        try await client.connect()
        let result = try await body(client, server)
        await client.close()
        return result
    } catch {
        await client.close()
        throw error
    }
}

let testLogger: Logger = {
    var logger = Logger(label: "ms5.opcua.tests")
    logger.logLevel = .critical
    return logger
}()

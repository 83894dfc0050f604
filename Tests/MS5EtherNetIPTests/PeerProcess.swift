import Foundation
import MS5ChildProcess
import NIOCore
import NIOPosix

/// A Python peer (cpppo server or a client script) started from the venv and stopped by PID.
final class PeerProcess: @unchecked Sendable {
    /// Package root, derived from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The venv's Python interpreter.
    static let python = packageRoot.appendingPathComponent(".venv-peers/bin/python").path
    /// How to create the venv.
    static let setupHint = "python3 -m venv \(packageRoot.path)/.venv-peers && \(packageRoot.path)/.venv-peers/bin/pip install cpppo pycomm3 pylogix"

    /// Fails with setup instructions when the venv is missing.
    static func requireVenv() throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw PeerError("Python peer venv missing at \(python). Create it with: \(setupHint)")
        }
    }

    let process = Process()

    /// Starts `python args...`.
    init(arguments: [String]) throws {
        try Self.requireVenv()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Stops the process by its PID: SIGINT, then SIGKILL if it has not exited within two seconds.
    func stop() {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGINT)
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        process.killAndWait()
    }

    deinit { stop() }

    /// Runs `python args...` to completion, returning stdout (throws with stderr on failure).
    static func run(_ arguments: [String]) throws -> String {
        try requireVenv()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        guard process.waitForExit(), process.terminationStatus == 0 else {
            throw PeerError("python \(arguments.joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self).suffix(2000))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A free loopback TCP port.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close().get()
        return port
    }

    /// Waits until something accepts TCP connections on `port`.
    static func waitForListener(port: Int, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let channel = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get() {
                try? await channel.close().get()
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw PeerError("nothing listening on 127.0.0.1:\(port) after \(timeout)")
    }
}

/// A failure of the peer harness, with an explanation.
struct PeerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

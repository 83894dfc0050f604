import Foundation
import MS5ChildProcess
import NIOCore
import NIOPosix

/// A Python peer from `scripts/` run with the repository's `.venv-peers` on 127.0.0.1 for one
/// test: started, waited for until its port accepts connections, and killed by its PID.
public final class PeerScript: @unchecked Sendable {
    /// The repository's root, found from this file's path.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public let port: Int
    private let process = Process()

    /// Starts `scripts/<script>` with `arguments`, in which `{port}` becomes a free port, and
    /// waits (at most 30 s) until that port accepts connections.
    public init(_ script: String, arguments: [String]) async throws {
        let python = Self.root.appendingPathComponent(".venv-peers/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw SinkError("no \(python.path): run scripts/test.sh to set up the Python peers")
        }
        port = try await SMTPSink.freePort()
        process.executableURL = python
        process.arguments = [Self.root.appendingPathComponent("scripts/\(script)").path] + arguments.map { $0 == "{port}" ? "\(port)" : $0 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw SinkError("\(script) exited with status \(process.terminationStatus)") }
            if let channel = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get() {
                try? await channel.close()
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw SinkError("\(script) did not listen on \(port) within 30 s")
    }

    /// Kills the peer (SIGKILL: a test runner may have blocked SIGTERM for its children).
    public func stop() {
        process.killAndWait()
    }
}

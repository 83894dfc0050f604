import Foundation
import MS5ChildProcess
import Synchronization

/// A Kafka-protocol broker in a separate process (noida-db's Kafka service) on a loopback port,
/// with its data in a fresh temporary folder, for end-to-end tests.
///
/// The program is `$MS5_NOIDA_DB` when set, else `.venv-kafka/bin/noida-db` at the package root
/// (`python3 -m venv .venv-kafka && .venv-kafka/bin/pip install noida-db==0.2.3`). Prefer
/// ``with(_:)``, which stops the broker whatever the body does.
public final class NoidaKafkaBroker: StoppablePeer {
    /// The loopback port the broker listens on.
    public let port: Int
    private let directory: URL
    private let process = Mutex<Process?>(nil)

    /// The broker's address, for ``MS5Kafka/KafkaConfiguration/bootstrapServers``.
    public var bootstrapServers: [String] { ["127.0.0.1:\(port)"] }

    private init(port: Int, directory: URL) {
        self.port = port
        self.directory = directory
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The noida-db program.
    /// - Throws: ``KafkaTestSupportError/programNotFound(path:hint:)`` when it is not installed.
    private static func executable() throws -> URL {
        if let configured = ProcessInfo.processInfo.environment["MS5_NOIDA_DB"] {
            return URL(fileURLWithPath: configured)
        }
        let program = ToolRun.packageRoot.appendingPathComponent(".venv-kafka/bin/noida-db")
        guard FileManager.default.isExecutableFile(atPath: program.path) else {
            throw KafkaTestSupportError.programNotFound(
                path: program.path,
                hint: "run 'python3 -m venv .venv-kafka && .venv-kafka/bin/pip install noida-db==0.2.3' "
                    + "at the package root (scripts/test.sh does), or set MS5_NOIDA_DB")
        }
        return program
    }

    /// Starts a broker on a free port and waits (with a deadline) until it accepts connections.
    public static func start() async throws -> NoidaKafkaBroker {
        let program = try executable()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ms5-noida-kafka-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let broker = NoidaKafkaBroker(port: try LoopbackTCP.freePort(), directory: directory)
        try await broker.launch(program)
        return broker
    }

    /// Starts a broker, runs `body` with it and stops it afterwards, also when `body` throws.
    public static func with<Result: Sendable>(_ body: (NoidaKafkaBroker) async throws -> Result) async throws -> Result {
        try await start().stopping(after: body)
    }

    /// Kills the broker with SIGKILL, and the program it runs (the pip-installed `noida-db` is a
    /// Python launcher of the real server), and waits until they are gone. Idempotent.
    public func stop() {
        guard let running = process.withLock({ current -> Process? in
            defer { current = nil }
            return current
        }) else { return }
        ProcessTree.kill(ProcessTree.descendants(of: running.processIdentifier), upTo: .seconds(10))
        running.killAndWait()
    }

    private func launch(_ program: URL) async throws {
        let dataDirectory = directory.appendingPathComponent("data")
        let logURL = directory.appendingPathComponent("noida-db.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        let child = Process()
        child.executableURL = program
        child.arguments = [
            "start", "--only", "kafka", "--kafka-port", "\(port)", "--data-dir", dataDirectory.path,
        ]
        child.standardOutput = log
        child.standardError = log
        try child.run()
        try log.close()
        process.withLock { $0 = child }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, child.isRunning {
            if LoopbackTCP.isAccepting(port) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop()
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        throw KafkaTestSupportError.brokerDidNotStart(port: port, log: text)
    }
}

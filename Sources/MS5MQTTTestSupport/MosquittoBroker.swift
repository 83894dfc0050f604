import Foundation
import MS5ChildProcess
import Synchronization

/// A private mosquitto broker on a loopback port, for tests and benchmarks.
///
/// It gets its own generated configuration (no persistence, anonymous access unless users
/// are given) in a temporary folder and is stopped by PID. Prefer ``with(users:tls:extraConfiguration:_:)``,
/// which stops the broker whatever the body does.
public final class MosquittoBroker: StoppablePeer {
    /// The loopback port the broker listens on.
    public let port: Int
    /// The self-signed certificate (for `localhost` and 127.0.0.1) of a TLS broker, else `nil`.
    public let certificate: URL?
    private let directory: URL
    private let process = Mutex<Process?>(nil)

    private init(port: Int, directory: URL, certificate: URL?) {
        self.port = port
        self.directory = directory
        self.certificate = certificate
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts a broker and waits (with a deadline) until it accepts connections.
    /// - Parameters:
    ///   - users: user name → password; when non-empty, anonymous access is refused.
    ///   - tls: listen with TLS, using a fresh self-signed certificate (made with `openssl`).
    ///   - extraConfiguration: more mosquitto.conf lines.
    public static func start(users: [String: String] = [:], tls: Bool = false, extraConfiguration: [String] = [])
        async throws -> MosquittoBroker
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ms5-mosquitto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try await LoopbackPort.free()
        var lines = ["listener \(port) 127.0.0.1", "persistence false", "log_dest stderr", "log_type error"]
        lines.append("log_type warning")
        var certificate: URL?
        if tls {
            let key = directory.appendingPathComponent("server.key")
            let certificateFile = directory.appendingPathComponent("server.crt")
            try await ChildProcess.run(
                try ChildProcess.locate("openssl"),
                arguments: [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.path, "-out",
                    certificateFile.path,
                ])
            // mosquitto started as root drops to its own user, which must be able to read this throwaway key.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
            lines += ["certfile \(certificateFile.path)", "keyfile \(key.path)"]
            certificate = certificateFile
        }
        if users.isEmpty {
            lines.append("allow_anonymous true")
        } else {
            let passwordFile = directory.appendingPathComponent("passwords")
            let tool = try ChildProcess.locate("mosquitto_passwd")
            for (index, (user, password)) in users.sorted(by: { $0.key < $1.key }).enumerated() {
                let create = index == 0 ? ["-c"] : []
                try await ChildProcess.run(tool, arguments: ["-b"] + create + [passwordFile.path, user, password])
            }
            lines += ["allow_anonymous false", "password_file \(passwordFile.path)"]
        }
        lines += extraConfiguration
        try lines.joined(separator: "\n").appending("\n")
            .write(to: directory.appendingPathComponent("mosquitto.conf"), atomically: true, encoding: .utf8)
        let broker = MosquittoBroker(port: port, directory: directory, certificate: certificate)
        try await broker.launch()
        return broker
    }

    /// Starts a broker, runs `body` with it and stops it afterwards, also when `body` throws.
    public static func with<Result: Sendable>(
        users: [String: String] = [:],
        tls: Bool = false,
        extraConfiguration: [String] = [],
        _ body: (MosquittoBroker) async throws -> Result
    ) async throws -> Result {
        try await start(users: users, tls: tls, extraConfiguration: extraConfiguration).stopping(after: body)
    }

    /// Stops the broker process by PID and waits for it to exit. Idempotent.
    ///
    /// SIGKILL is used because the spawned child inherits a signal mask that blocks SIGTERM.
    public func stop() {
        guard let running = process.withLock({ current -> Process? in
            defer { current = nil }
            return current
        }) else { return }
        running.killAndWait()
    }

    /// Starts the broker again on the same port with the same configuration.
    public func restart() async throws {
        stop()
        try await launch()
    }

    private func launch() async throws {
        let executable = try ChildProcess.locate("mosquitto")
        let logURL = directory.appendingPathComponent("mosquitto.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        let child = Process()
        child.executableURL = executable
        child.arguments = ["-c", directory.appendingPathComponent("mosquitto.conf").path]
        child.standardOutput = log
        child.standardError = log
        try child.run()
        process.withLock { $0 = child }
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await LoopbackPort.isAccepting(port) { return }
            guard child.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop()
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        throw TestSupportError.brokerDidNotStart(port: port, log: text)
    }
}

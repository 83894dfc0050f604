import Foundation
import MS5ChildProcess
import NIOCore
import NIOPosix

/// Runs `scripts/smtp_sink.py` (aiosmtpd) on 127.0.0.1 for one test and reads what it received.
public final class SMTPSink: @unchecked Sendable {
    /// One delivered message as the sink recorded it.
    public struct Envelope: Decodable, Sendable {
        public var mail_from: String
        public var rcpt_tos: [String]
        public var mail_options: [String]
        public var content: String
        public var subject: String
        public var body: String
        public var headers: [String: String]
        public var tls: Bool
        public var authenticated: Bool
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let python = packageRoot.appendingPathComponent(".venv-peers/bin/python")

    public let port: Int
    public let directory: URL
    private let process: Process
    private let log: URL

    /// Starts the sink with extra command-line `options` and waits (at most 30 s) until it listens.
    public init(options: [String] = [], directory: URL) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
            throw SinkError("no \(Self.python.path): run scripts/test.sh to set up the Python peers")
        }
        self.directory = directory
        port = try await Self.freePort()
        log = directory.appendingPathComponent("sink.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw SinkError("cannot create \(log.path)")
        }
        process = Process()
        process.executableURL = Self.python
        process.arguments = [
            Self.packageRoot.appendingPathComponent("scripts/mail/smtp_sink.py").path,
            "--port", "\(port)", "--out", directory.appendingPathComponent("mail.jsonl").path,
            "--ready-file", directory.appendingPathComponent("ready").path,
        ] + options
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        do {
            try await waitUntilReady()
        } catch {
            stop()
            throw error
        }
    }

    /// Stops the sink by its PID: SIGTERM, then SIGKILL if it has not exited within 10 s.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline {
            usleep(10_000)
        }
        process.killAndWait()
    }

    /// Every message received so far.
    public func envelopes() throws -> [Envelope] {
        let file = directory.appendingPathComponent("mail.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Envelope.self, from: Data($0.utf8))
        }
    }

    private func waitUntilReady() async throws {
        let ready = directory.appendingPathComponent("ready")
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: ready.path) {
            guard process.isRunning else {
                throw SinkError("the sink exited: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            }
            guard ContinuousClock.now < deadline else { throw SinkError("the sink did not start within 30 s") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    public static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw SinkError("no port bound") }
        try await channel.close()
        return port
    }
}

/// Runs `body` with a started sink and stops the sink afterwards, also when `body` throws.
public func withSMTPSink(options: [String] = [], _ body: (SMTPSink) async throws -> Void) async throws {
    try await withTemporaryDirectory { directory in
        let sink = try await SMTPSink(options: options, directory: directory)
        do {
            try await body(sink)
        } catch {
            sink.stop()
            throw error
        }
        sink.stop()
    }
}

/// Runs `body` with a new empty directory that is removed afterwards.
public func withTemporaryDirectory(_ body: (URL) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ms5mail-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory)
}

/// A failure of the test harness itself.
public struct SinkError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `ms5` binary, run as a person would run it, with its output captured in files.
final class MS5Process: @unchecked Sendable {
    /// The `ms5` executable beside the test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ms5")

    let process = Process()
    let folder: URL
    let stdoutFile: URL
    let stderrFile: URL

    /// Starts `ms5 arguments…` in `folder` (its working directory) with `environment` added.
    init(_ arguments: [String], in folder: URL, environment: [String: String] = [:], stdin: String? = nil) throws {
        self.folder = folder
        stdoutFile = folder.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        stderrFile = folder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            // A child that refuses its arguments exits without reading its input: the write then
            // fails with a broken pipe, which is no error of the test.
            try? pipe.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try? pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
    }

    /// Runs `ms5 arguments…` to its end (given up after `timeout`) and returns its exit code and output.
    static func run(
        _ arguments: [String], in folder: URL, environment: [String: String] = [:], stdin: String? = nil, timeout: Duration = .seconds(60)
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = try MS5Process(arguments, in: folder, environment: environment, stdin: stdin)
        let status = try await process.waitForExit(timeout: timeout)
        return (status, process.stdout, process.stderr)
    }

    var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// Waits until standard output has a line starting with `prefix`, and returns that line.
    func waitForLine(startingWith prefix: String, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
            guard process.isRunning else { throw Failure("ms5 ended before printing '\(prefix)': \(stderr)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure("ms5 did not print '\(prefix)' in time; stderr: \(stderr)")
    }

    /// The address `ms5 demo` prints once it listens, `http://host:port`: tests start it with
    /// `--port 0`, so that the system picks a port no other test can take first.
    func demoAddress(timeout: Duration = .seconds(60)) async throws -> String {
        let line = try await waitForLine(startingWith: "MS5 demo: open ", timeout: timeout)
        guard let address = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
            throw Failure("no address in '\(line)'")
        }
        return String(address.hasSuffix("/") ? address.dropLast() : address)
    }

    /// The address `ms5 serve` logs once it listens (`ms5 ready`, `address=host:port`), as
    /// `http://host:port`: for servers started with `--port 0` and a log level of notice or lower.
    func servedAddress(timeout: Duration = .seconds(60)) async throws -> String {
        try await waitForError(containing: "ms5 ready", timeout: timeout)
        guard let field = stderr.split(whereSeparator: { $0 == " " || $0 == "\n" }).first(where: { $0.hasPrefix("address=") }) else {
            throw Failure("ms5 logged no address: \(stderr)")
        }
        return "http://" + field.dropFirst("address=".count)
    }

    /// Waits until standard error (where ms5 logs) contains `text`.
    func waitForError(containing text: String, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !stderr.contains(text) {
            guard process.isRunning else { throw Failure("ms5 ended before logging '\(text)': \(stderr)") }
            guard ContinuousClock.now < deadline else { throw Failure("ms5 did not log '\(text)' in time; stderr: \(stderr)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Sends SIGTERM and waits for the process to end; returns its exit status.
    func terminate() async throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        return try await waitForExit(timeout: .seconds(30))
    }

    /// Waits for the process to end by itself.
    func waitForExit(timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.interrupt()
                throw Failure("ms5 did not end in time")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// A fresh empty folder for one test.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A TCP port that was free a moment ago on 127.0.0.1.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else { throw Failure("no free port") }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends an HTTP request to a running ms5 and returns status and body.
    static func http(_ method: String, _ url: String, token: String? = nil, json: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

/// A failure of the harness itself, with a message.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import MS5Edge
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `Resources/telemetry_server.py` on 127.0.0.1 and reads what it recorded. Call ``stop()`` in
/// a `defer`; ``kill()`` and ``restart()`` simulate an outage.
final class TelemetryTestServer: @unchecked Sendable {
    /// One line of `requests.jsonl`.
    struct RecordedRequest: Decodable, Sendable {
        var sequence: Int64?
        var phase: String
        var status: Int?
        var duplicate: Bool?
        var samples: [EdgeSample]?
    }

    let directory: TemporaryDirectory
    let token: String
    private(set) var port = 0
    private var process: ChildProcess?

    /// Starts the server on a free port, accepting `token`.
    init(token: String) async throws {
        self.directory = try TemporaryDirectory()
        self.token = token
        try await launch(port: 0)
    }

    var coreURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private func launch(port: Int) async throws {
        guard let script = Bundle.module.url(forResource: "telemetry_server", withExtension: "py") else {
            throw TimedOut(what: "telemetry_server.py in the test bundle")
        }
        try? FileManager.default.removeItem(atPath: directory.path("port"))
        let process = try ChildProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["python3", script.path, "--dir", directory.url.path, "--port", "\(port)", "--token", token,
                        "--lifetime", "600"],
            outputPath: directory.path("server.out"))
        self.process = process
        let portFile = directory.path("port")
        do {
            try await eventually("the telemetry server to listen", timeout: .seconds(30)) {
                guard process.isRunning else { throw TimedOut(what: "the telemetry server (it exited)") }
                return FileManager.default.fileExists(atPath: portFile)
            }
        } catch {
            await process.kill()
            throw error
        }
        self.port = Int(try String(contentsOfFile: portFile, encoding: .utf8)) ?? 0
    }

    /// Kills the server with SIGKILL: connections are refused until ``restart()``.
    func kill() async {
        await process?.kill()
    }

    /// Starts the server again on the same port; it remembers the batches it stored.
    func restart() async throws {
        await kill()
        try await launch(port: port)
    }

    /// Ends the server and deletes its files.
    func stop() async {
        await kill()
        directory.remove()
    }

    /// Changes the server's behaviour (see the script's documentation).
    func control(_ change: [String: any Sendable]) async throws {
        var request = URLRequest(url: coreURL.appendingPathComponent("control"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: change)
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw TimedOut(what: "control accepted") }
    }

    /// The batches stored, in the order they were stored.
    func stored() throws -> [EdgeBatch] {
        try lines("stored.jsonl").map { try JSONDecoder().decode(EdgeBatch.self, from: Data($0.utf8)) }
    }

    /// The samples stored, in the order they were stored.
    func storedSamples() throws -> [EdgeSample] {
        try stored().flatMap(\.samples)
    }

    /// Every batch request, a "started" and an "answered" record each.
    func requests() throws -> [RecordedRequest] {
        try lines("requests.jsonl").map { try JSONDecoder().decode(RecordedRequest.self, from: Data($0.utf8)) }
    }

    /// The answered requests only.
    func answered() throws -> [RecordedRequest] {
        try requests().filter { $0.phase == "answered" }
    }

    private func lines(_ name: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: directory.path(name), encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // empty after the final newline, or a line still being written
        return lines.filter { !$0.isEmpty }
    }
}

import Foundation
import MS5ChildProcess
import Testing

@Suite("ms5 edge, with real processes")
struct EdgeLossTests {
    /// Runs a query on an SQLite file with Python's sqlite3 and returns the single number it answers.
    static func count(_ file: URL, _ sql: String) throws -> Int {
        let out = try Process.runCapturing(["python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchone()[0] or 0)", file.path, sql])
        return Int(out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The edge's status once `condition` holds, polled every 200 ms for up to 60 s; the last
    /// status seen when it never does.
    static func waitForStatus(port: Int, until condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let status = try? await MS5Process.http("GET", "http://127.0.0.1:\(port)/status"),
               let body = try? JSONSerialization.jsonObject(with: Data(status.body.utf8)) as? [String: Any] {
                last = body
                if condition(body) { return body }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return last
    }

    @Test("Core outage, then kill -9 of the edge: every sample the edge collected is stored once or still queued")
    func outageAndKill() async throws {
        let folder = try MS5Process.temporaryFolder()
        let port = try MS5Process.freePort()
        let core = ["demo", "--port", "\(port)", "--database", "sqlite:core.sqlite", "--log-level", "warning"]
        let noSimulator = ["MS5_SIMULATOR_ENABLED": "false"]
        var server = try MS5Process(core, in: folder, environment: noSimulator)
        let password = String(try await server.waitForLine(startingWith: "password: ").dropFirst("password: ".count))
        _ = try await server.waitForLine(startingWith: "MS5 demo: open")
        let statusPort = try MS5Process.freePort()
        // The edge signs in with the account itself (and again whenever its access token runs out).
        let edgeArguments = [
            "edge", "--core", "http://127.0.0.1:\(port)", "--username", "admin", "--password-stdin", "--source", "edge-test",
            "--queue", "edge/queue.sqlite", "--status-port", "\(statusPort)",
        ]

        var edge = try MS5Process(edgeArguments, in: folder, stdin: password + "\n")
        // Wait (however loaded the machine) until the edge has delivered to the core.
        let delivering = try await Self.waitForStatus(port: statusPort) { ($0["samplesSent"] as? Int ?? 0) > 0 }
        #expect(delivering["connected"] as? Bool == true)
        #expect(try await server.terminate() == 0)  // the core goes away; the edge keeps collecting
        let body = try await Self.waitForStatus(port: statusPort) { $0["connected"] as? Bool == false && ($0["backlogSamples"] as? Int ?? 0) > 0 }
        #expect(body["connected"] as? Bool == false)
        #expect((body["backlogSamples"] as? Int ?? 0) > 0, "\(body)")
        #expect(try await MS5Process.http("GET", "http://127.0.0.1:\(statusPort)/metrics").body.contains("ms5_edge_backlog_samples "))
        server = try MS5Process(core, in: folder, environment: noSimulator)
        _ = try await server.waitForLine(startingWith: "MS5 demo: open")
        try await Task.sleep(for: .seconds(5))
        kill(edge.process.processIdentifier, SIGKILL)  // mid-run, maybe mid-batch
        _ = try await edge.waitForExit(timeout: .seconds(10))
        edge = try MS5Process(edgeArguments, in: folder, stdin: password + "\n")
        // The restarted edge is running once it has its bindings and has delivered to the core
        // again: wait for that, not a time, before stopping it.
        try await edge.waitForError(containing: "Bindings from the core")
        _ = try await Self.waitForStatus(port: statusPort) { ($0["samplesSent"] as? Int ?? 0) > 0 }
        #expect(try await edge.terminate() == 0, "\(edge.stderr)")
        #expect(try await server.terminate() == 0)

        let queue = folder.appendingPathComponent("edge/queue.sqlite")
        let collected = try Self.count(queue, "SELECT seq FROM sqlite_sequence WHERE name = 'samples'")
        let queued = try Self.count(queue, "SELECT count(*) FROM samples")
        let stored = try Self.count(folder.appendingPathComponent("core.sqlite"), "SELECT count(*) FROM metric_samples")
        #expect(collected >= 20, "the edge collected too little to prove anything: \(collected)")
        #expect(stored > 0)
        #expect(stored + queued == collected, "collected \(collected), stored \(stored), still queued \(queued)")
        #expect(edge.stderr.contains("Bindings from the core"))
    }
}

extension Process {
    /// Runs a command to its end and returns its standard output.
    static func runCapturing(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation
import MS5ChildProcess
import Testing

/// Two `ms5 serve` processes on one PostgreSQL database, one Andon call: each level is escalated
/// by exactly one of them and its webhook is delivered exactly once.
@Suite("Andon across two ms5 instances", .enabled(if: ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"] != nil))
struct AndonInstancesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("One call, three levels: one escalation and one webhook per level")
    func twoInstances() async throws {
        let folder = try MS5Process.temporaryFolder()
        let database = try Self.createDatabase()
        defer { Self.dropDatabase(database.name) }
        let flags = ["--database", database.url, "--log-level", "warning"]
        #expect(try await MS5Process.run(["migrate"] + flags, in: folder).status == 0)
        let password = "a long admin password"
        #expect(try await MS5Process.run(["user", "create", "chief", "--role", "admin", "--password-stdin"] + flags, in: folder, stdin: password + "\n").status == 0)

        let sinkPort = try MS5Process.freePort()
        let deliveries = folder.appendingPathComponent("deliveries.jsonl")
        let sink = Process()
        sink.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sink.arguments = ["python3", Self.root.appendingPathComponent("scripts/andon/webhook_sink.py").path, "\(sinkPort)", deliveries.path]
        try sink.run()
        defer { kill(sink.processIdentifier, SIGKILL) }

        var servers: [MS5Process] = []
        var bases: [String] = []
        for _ in 0..<2 {
            // Notice: the level at which ms5 logs the address it listens on.
            servers.append(try MS5Process(["serve", "--port", "0", "--database", database.url, "--log-level", "notice"], in: folder))
        }
        defer { for server in servers { server.process.terminate() } }
        for server in servers { bases.append(try await server.servedAddress()) }
        for base in bases { try await Self.waitUntilReady(base) }

        let login = try await MS5Process.http("POST", "\(bases[0])/v1/auth/login", json: #"{"username":"chief","password":"\#(password)"}"#)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(login.body.utf8)) as? [String: Any])?["token"] as? String)
        func post(_ base: String, _ path: String, _ json: String) async throws -> [String: Any] {
            let response = try await MS5Process.http("POST", base + path, token: token, json: json)
            #expect(response.status == 201, "\(path): \(response.body)")
            return try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
        }
        let site = try await post(bases[0], "/v1/sites", #"{"code":"BAK1","name":"Bakery","timeZone":"Europe/Berlin"}"#)["id"] as? String ?? ""
        let area = try await post(bases[0], "/v1/areas", #"{"siteId":"\#(site)","code":"PROD","name":"Production"}"#)["id"] as? String ?? ""
        let line = try await post(bases[0], "/v1/lines", #"{"areaId":"\#(area)","code":"BREAD1","name":"Bread line"}"#)["id"] as? String ?? ""
        let hook = try await post(bases[0], "/v1/webhooks", #"{"name":"Sink","url":"http://127.0.0.1:\#(sinkPort)/hook","secret":"a-secret-of-twenty-chars","enabled":true}"#)["id"] as? String ?? ""
        let level = #"{"delaySeconds":5,"roles":[],"users":[],"emails":[],"webhookIds":["\#(hook)"]}"#
        _ = try await post(bases[0], "/v1/andon/escalation-policies",
                           #"{"lineId":"\#(line)","category":"safety","priority":"critical","until":"acknowledged","levels":[\#(level),\#(level),\#(level)]}"#)
        let call = try await post(bases[1], "/v1/andon/calls", #"{"lineId":"\#(line)","category":"safety","priority":"critical","text":"Guard open"}"#)
        let callId = try #require(call["id"] as? String)

        // Level 1 is sent at once, level 2 after 5 s, level 3 after 10 s.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, Self.levels(in: deliveries).count < 3 {
            try await Task.sleep(for: .milliseconds(200))
        }
        // Both instances keep escalating and delivering every second: give them a few more rounds.
        try await Task.sleep(for: .seconds(3))
        let levels = Self.levels(in: deliveries)
        #expect(levels.sorted() == [1, 2, 3], "deliveries: \(levels)")
        let stored = try await MS5Process.http("GET", "\(bases[0])/v1/andon/calls/\(callId)", token: token)
        #expect(stored.body.contains(#""level":3"#))
        let log = try await MS5Process.http("GET", "\(bases[1])/v1/andon/calls/\(callId)/notifications", token: token)
        let entries = (try JSONSerialization.jsonObject(with: Data(log.body.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(entries.count == 3 && entries.allSatisfy { $0["status"] as? String == "sent" && $0["attempts"] as? Int == 1 })
        for server in servers { #expect(try await server.terminate() == 0) }
    }

    /// The `level` of every delivery the sink received.
    static func levels(in file: URL) -> [Int] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let body = record["body"] as? String,
                  let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            else { return nil }
            return json["level"] as? Int
        }
    }

    static func waitUntilReady(_ base: String) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let ready = try? await MS5Process.http("GET", "\(base)/ready"), ready.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure("\(base) did not become ready")
    }

    /// A new, empty database on the test server.
    static func createDatabase() throws -> (name: String, url: String) {
        let server = ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"] ?? ""
        let name = "ms5_andon_\(UUID().uuidString.prefix(8).lowercased())"
        try psql(server, "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: server))
        components.path = "/\(name)"
        return (name, components.string ?? server)
    }

    static func dropDatabase(_ name: String) {
        try? psql(ProcessInfo.processInfo.environment["MS5_TEST_POSTGRES_URL"] ?? "", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    static func psql(_ url: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", statement]
        try process.run()
        guard process.waitForExit(), process.terminationStatus == 0 else { throw Failure("psql failed: \(statement)") }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import MS5Domain
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import NIOCore
import NIOSSL
import Synchronization
import Testing

@Suite("Live feed over WebSocket")
struct LiveFeedTests {
    @Test("A client subscribed to andon sees a call raised over HTTP; without a token the upgrade is refused")
    func andonOnTheFeed() async throws {
        try await TestServer.run(testing: .live) { server in
            let port = try #require(server.client.port)
            let (_, _, line, _) = try await PlantAPITests.makePlant(server)
            #expect(await LiveClient.refusal(port: port, query: "") != nil)
            #expect(await LiveClient.refusal(port: port, query: "access_token=ms5_not-a-token") != nil)
            #expect(try await server.send(.get, "/v1/live", as: nil).status == .unauthorized)
            #expect(try await server.send(.get, "/v1/live", as: .operator).status == .upgradeRequired)

            let client = LiveClient(port: port, token: try #require(server.tokens[.operator]), topics: ["andon"])
            try await client.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
            let raised = try TestServer.decode(AndonCall.self, try await server.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
                lineId: line.id, category: .material, priority: .medium, text: "Film roll empty")))
            let event = try await client.waitFor("the Andon event") { $0["type"] as? String == "event" && $0["event"] as? String == "andon" }
            let data = try #require(event["data"] as? [String: Any])
            #expect(data["type"] as? String == "andon.triggered.v1")
            #expect((data["call"] as? [String: Any])?["id"] as? String == raised.id.uuidString)
            #expect(Set(event["topics"] as? [String] ?? []) == ["andon", "line:\(line.id.uuidString.lowercased())", "plant"])
            await client.close()
        }
    }

    @Test("After a restart a client resumes by outbox position: the calls it missed arrive in order, then live ones")
    func resumeAfterRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = DatabaseURL.sqliteFile(path: folder.appendingPathComponent("plant.sqlite").path)
        // The first run: one call (outbox position 1), then the server stops.
        let line = try await TestServer.run(database: database) { server in
            let (_, _, line, _) = try await PlantAPITests.makePlant(server)
            try await Self.raise(server, line.id, "Film roll empty")
            return line
        }
        try await TestServer.run(database: database, testing: .live) { server in
            try await Self.raise(server, line.id, "Labels out")  // position 2, while the client was away
            let client = LiveClient(port: try #require(server.client.port), token: try #require(server.tokens[.operator]), topics: ["andon"], afterPosition: 0)
            let subscribed = try await client.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
            #expect(subscribed["replayed"] as? Int == 2 && subscribed["position"] as? Int == 2)
            let missed = [
                try await client.waitFor("the first missed call") { $0["event"] as? String == "andon" },
                try await client.waitFor("the second missed call") { $0["event"] as? String == "andon" },
            ]
            #expect(missed.map { $0["position"] as? Int } == [1, 2])
            #expect(missed.map { (($0["data"] as? [String: Any])?["call"] as? [String: Any])?["text"] as? String } == ["Film roll empty", "Labels out"])
            try await Self.raise(server, line.id, "Glue low")
            let live = try await client.waitFor("the live call") { $0["event"] as? String == "andon" }
            #expect(live["position"] as? Int == 3)
            await client.close()

            // A position the server no longer holds (here: one it never issued) gets a resync.
            let lost = LiveClient(port: try #require(server.client.port), token: try #require(server.tokens[.operator]), topics: ["andon"], afterPosition: -5)
            _ = try await lost.waitFor("the resync") { $0["type"] as? String == "resync" }
            await lost.close()
        }
    }

    /// Raises a call on `line` as the operator.
    static func raise(_ server: TestServer, _ line: UUID, _ text: String) async throws {
        #expect(try await server.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
            lineId: line, category: .material, priority: .medium, text: text)).status == .created)
    }

    @Test("An account of one site hears only its own site's Andon calls on the feed")
    func siteScopedFeed() async throws {
        try await TestServer.run(testing: .live, roles: [.admin, .supervisor]) { server in
            let port = try #require(server.client.port)
            let (north, _, northLine, _) = try await PlantAPITests.makePlant(server)
            let (_, southLine, _) = try await SiteScopeTests.secondSite(server)
            let supervisor = try await SiteScopeTests.userId(server, .supervisor)
            #expect(try await server.send(.put, "/v1/users/\(supervisor)/sites", json: UserSites([north.id])).status == .ok)

            let client = LiveClient(port: port, token: try #require(server.tokens[.supervisor]), topics: ["andon"])
            try await client.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
            for (line, text) in [(southLine.id, "Oven door"), (northLine.id, "Film roll empty")] {
                #expect(try await server.send(.post, "/v1/andon/calls", json: AndonCallInput(
                    lineId: line, category: .material, priority: .medium, text: text)).status == .created)
            }
            let event = try await client.waitFor("the Andon event") { $0["type"] as? String == "event" && $0["event"] as? String == "andon" }
            #expect(((event["data"] as? [String: Any])?["call"] as? [String: Any])?["text"] as? String == "Film roll empty",
                    "the south site's call, raised first, never reaches the north supervisor")
            await client.close()
        }
    }

    @Test("Two servers on one PostgreSQL database: a call raised on one reaches a client of the other",
          .enabled(if: TestDatabases.kinds.contains(.postgres)))
    func acrossInstances() async throws {
        try await TestDatabases.with(.postgres) { database in
            try await TestServer.run(database: database.url, testing: .live) { first in
                try await TestServer.run(database: database.url, testing: .live) { second in
                    let (_, _, line, _) = try await PlantAPITests.makePlant(first)
                    let client = LiveClient(port: try #require(second.client.port), token: try #require(second.tokens[.operator]), topics: ["andon"])
                    try await client.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
                    // The second server's relay listens once its feed runs; retry until it hears the first.
                    var heard = false
                    for attempt in 0..<20 where !heard {
                        _ = try await first.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
                            lineId: line.id, category: .help, priority: .low, text: "attempt \(attempt)"))
                        heard = (try? await client.waitFor("the relayed event", timeout: .seconds(1)) { $0["event"] as? String == "andon" }) != nil
                    }
                    #expect(heard)
                    await client.close()
                }
            }
        }
    }
}

/// A WebSocket client of `/v1/live` that keeps every message it receives.
final class LiveClient: Sendable {
    /// The text messages received and not yet taken.
    final class Inbox: Sendable {
        let messages = Mutex<[String]>([])
        /// Whether the connection has ended, and the close frame the server sent, if any.
        let ending = Mutex<(ended: Bool, frame: WebSocketCloseFrame?)>((false, nil))
    }

    private let received = Inbox()
    private let task: Task<Void, any Error>
    /// Finishing it makes the client send its close frame and end the connection.
    private let closing: AsyncStream<Void>.Continuation

    /// Connects to the server at `port` and subscribes to `topics`, resuming after outbox position
    /// `afterPosition` when given; with `tls`, over `wss://localhost`.
    init(port: Int, token: String, topics: [String], afterPosition: Int64? = nil, tls: TLSConfiguration? = nil) {
        let received = received
        let (closeRequests, closing) = AsyncStream<Void>.makeStream()
        self.closing = closing
        let url = tls == nil ? "ws://127.0.0.1:\(port)/v1/live?access_token=\(token)" : "wss://localhost:\(port)/v1/live?access_token=\(token)"
        task = Task {
            let frame = try await WebSocketClient.connect(url: url, tlsConfiguration: tls, logger: Logger(label: "ms5.test")) { inbound, outbound, _ in
                let list = topics.map { "\"\($0)\"" }.joined(separator: ",")
                let resume = afterPosition.map { ",\"afterPosition\":\($0)" } ?? ""
                try await outbound.write(.text("{\"type\":\"subscribe\",\"topics\":[\(list)]\(resume)}"))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            guard case .text(let text) = message else { continue }
                            received.messages.withLock { $0 += LiveClient.messages(inFrame: text) }
                        }
                    }
                    group.addTask {
                        for await _ in closeRequests {}
                    }
                    // Whichever ends first (the server closed, or the test asked to close) ends the connection.
                    try await group.next()
                    group.cancelAll()
                }
            }
            received.ending.withLock { $0 = (true, frame) }
        }
    }

    /// The messages of a frame: itself, or each element of the array of messages it joins.
    static func messages(inFrame text: String) -> [String] {
        guard text.hasPrefix("["), let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else { return [text] }
        return list.compactMap { element in
            (try? JSONSerialization.data(withJSONObject: element)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The first message matching `predicate`, waiting for it up to `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(20), _ predicate: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let messages = received.messages.withLock { $0 }
            for (index, text) in messages.enumerated() {
                guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], predicate(json) else { continue }
                received.messages.withLock { _ = $0.remove(at: index) }
                return json
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LiveClientTimeout(what: what)
    }

    /// The close frame the server ended the connection with, waiting for it up to `timeout`.
    func serverClose(timeout: Duration = .seconds(20)) async throws -> WebSocketCloseFrame? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let ending = received.ending.withLock { $0 }
            if ending.ended { return ending.frame }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LiveClientTimeout(what: "the server to close the socket")
    }

    func close() async {
        closing.finish()
        _ = try? await task.value
    }

    /// The error of an upgrade that was refused, or nil when it connected.
    static func refusal(port: Int, query: String) async -> String? {
        do {
            _ = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/v1/live?\(query)", logger: Logger(label: "ms5.test")) { _, _, _ in }
            return nil
        } catch {
            return "\(error)"
        }
    }
}

struct LiveClientTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "Timed out waiting for \(what)" }
}

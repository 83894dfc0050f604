import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5JSON
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// Sending user signals over the API, on the workflow fixture plant: one instance waits for
/// `quality.release` at BAK1, another for the same at BAK2. The server's accounts are named
/// after their roles. Everything is written before the server starts (see ``TaskAPITests``).
@Suite("Workflow signal API")
struct WorkflowSignalAPITests {
    static let roles: [Role] = [.admin, .supervisor, .operator, .viewer]

    /// An instance waiting for the user signal `quality.release` at `site`.
    static func waiting(_ database: Database, at site: Site) async throws -> SignalWait {
        try await WorkflowStore(database: database).transaction { transaction in
            let instance = try await transaction.start(
                WorkflowFixture.definition, firstStep: "await-release", subject: WorkflowSubject(recordType: "batch", recordId: "B-4711"))
            return try await transaction.awaitSignal(.user("quality.release", at: site.id), purpose: "batch.released", for: instance.id)
        }
    }

    @Test("Refusals: 401 without a token, 403 for viewers, 404 for no instance or another site's, 422 for bad input, 409 for a signal not waited for", arguments: TestDatabases.kinds)
    func refusals(kind: Database.Kind) async throws {
        try await TaskAPITests.run(kind, seed: { database, plant in
            [try await Self.waiting(database, at: plant.site), try await Self.waiting(database, at: plant.otherSite)]
        }) { _, plant, waits, server in
            let path = "/v1/workflows/\(waits[0].instanceId)/signals"
            let release = WorkflowSignalInput(name: "quality.release", payload: nil)
            #expect(try await server.send(.post, path, as: nil, json: release).status == .unauthorized)
            let viewer = try await server.send(.post, path, as: .viewer, json: release)
            #expect(viewer.status == .forbidden && viewer.problem?.code == "forbidden")
            #expect(try await server.send(.post, "/v1/workflows/\(UUID())/signals", as: .operator, json: release).status == .notFound)
            #expect(try await server.send(.post, "/v1/workflows/not-an-id/signals", as: .operator, json: release).status == .notFound)

            // The supervisor has BAK1 only: BAK2's instance is not known to exist.
            let supervisor = try await SiteScopeTests.userId(server, .supervisor)
            #expect(try await server.send(.put, "/v1/users/\(supervisor)/sites", json: UserSites([plant.site.id])).status == .ok)
            let otherSite = try await server.send(.post, "/v1/workflows/\(waits[1].instanceId)/signals", as: .supervisor, json: release)
            #expect(otherSite.status == .notFound)

            let badName = try await server.send(.post, path, as: .operator, json: WorkflowSignalInput(name: "not a key", payload: nil))
            #expect(badName.status == .unprocessableContent && badName.problem?.errors.map(\.field) == ["/name"])
            let notObject = try await server.send(.post, path, as: .operator, json: WorkflowSignalInput(name: "quality.release", payload: .array([])))
            #expect(notObject.status == .unprocessableContent && notObject.problem?.errors.map(\.field) == ["/payload"])
            // 5000 characters of text: more than the 4096 bytes a payload may have.
            let large = WorkflowSignalInput(name: "quality.release", payload: .object(["note": .string(String(repeating: "x", count: 5000))]))
            let tooLarge = try await server.send(.post, path, as: .operator, json: large)
            #expect(tooLarge.status == .unprocessableContent && tooLarge.problem?.errors.map(\.field) == ["/payload"])
            let notWaited = try await server.send(.post, path, as: .operator, json: WorkflowSignalInput(name: "quality.reject", payload: nil))
            #expect(notWaited.status == .conflict && notWaited.problem?.detail.contains("not waiting for the signal quality.reject") == true)
        }
    }

    @Test("An operator's signal is taken by the instance's wait with its payload, audited, and refused a second time", arguments: TestDatabases.kinds)
    func send(kind: Database.Kind) async throws {
        try await TaskAPITests.run(kind, seed: { database, plant in
            try await Self.waiting(database, at: plant.site)
        }) { database, _, wait, server in
            let path = "/v1/workflows/\(wait.instanceId)/signals"
            let payload: MS5JSON.JSONValue = .object(["lot": .string("L-17"), "approved": .bool(true)])
            let sent = try await server.send(.post, path, as: .operator, json: WorkflowSignalInput(name: "quality.release", payload: payload))
            #expect(sent.status == .accepted)
            let answer = try TestServer.decode(SentSignal.self, sent)
            #expect(answer.waits.map(\.id) == [wait.id])
            let signal = try #require(answer.waits.first?.signal)
            #expect(signal.kind == .user && signal.sentBy == "operator" && signal.payload == payload)
            let audit = try await database.read { db in
                try await db.select().column("actor").from("audit_ledger").where("record_type", .equal, "workflow signal wait")
                    .where("action", .equal, "take signal").all(decodingColumn: "actor", as: String.self)
            }
            #expect(audit == ["operator"])
            // The wait took its signal: the instance waits for no other.
            let again = try await server.send(.post, path, as: .supervisor, json: WorkflowSignalInput(name: "quality.release", payload: nil))
            #expect(again.status == .conflict)
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import MS5Storage
import MS5TestSupport
import Testing

/// The task API over a database holding the workflow fixture plant (BAK1 with BREAD1, BAK2 with
/// OVEN1). Tasks are opened by the engine's side (``WorkflowStore``); the server's accounts are
/// named after their roles, and team FLOOR holds `maintenance` and `operator`: two people, two tablets.
///
/// Everything is written before the server starts, so that only the server writes while it runs:
/// two SQLite handles writing at once wait for each other inside SQLite, each wait holding a
/// thread of the pool the whole test process shares.
@Suite("Task API")
struct TaskAPITests {
    static let roles: [Role] = [.admin, .supervisor, .maintenance, .operator, .viewer]

    /// Opens a task for `assignee` on `line`.
    static func open(
        _ database: Database, _ plant: WorkflowFixture, for assignee: TaskAssignee, on line: Line? = nil, requiresSignature: Bool = false,
        type: String = "cil.routine"
    ) async throws -> HumanTask {
        try await plant.open(
            HumanTaskInput(
                type: type, title: "Clean the slicer", assignee: assignee, priority: .endOfShift, lineId: (line ?? plant.bread).id,
                requiresSignature: requiresSignature),
            WorkflowStore(database: database))
    }

    /// Seeds the plant, the server's accounts, team FLOOR and what `seed` opens, then runs `body`
    /// with a server on the same database.
    static func run<Seeded: Sendable>(
        _ kind: Database.Kind, seed: @escaping @Sendable (Database, WorkflowFixture) async throws -> Seeded,
        _ body: @escaping @Sendable (Database, WorkflowFixture, Seeded, TestServer) async throws -> Void
    ) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let accounts = AccountService(database: database, bcryptCost: 4)
            for role in roles {
                _ = try await accounts.create(
                    UserInput(username: role.rawValue, displayName: role.rawValue, role: role, password: TestServer.password), temporary: false)
            }
            _ = try await TeamStore(database: database).create(TeamInput(code: "FLOOR", name: "Floor", members: ["maintenance", "operator"]))
            let seeded = try await seed(database, plant)
            try await TestServer.run(database: database.url, roles: roles) { server in
                try await body(database, plant, seeded, server)
            }
        }
    }

    static func task(_ response: TestResponse) throws -> HumanTask {
        try TestServer.decode(HumanTask.self, response)
    }

    @Test("Roles: viewers read, floor staff claim what is for them, only shift leads cancel", arguments: TestDatabases.kinds)
    func roles(kind: Database.Kind) async throws {
        try await Self.run(kind, seed: { database, plant in
            try await Self.open(database, plant, for: .role(.maintenance))
        }) { _, _, task, server in
            let path = "/v1/tasks/\(task.id)"
            let listed = try TestServer.decode(Page<HumanTask>.self, try await server.send(.get, "/v1/tasks", as: .viewer))
            #expect(listed.items.map(\.id) == [task.id])
            #expect(try Self.task(try await server.send(.get, path, as: .viewer)) == task)

            let viewer = try await server.send(.post, "\(path)/claim", as: .viewer, json: TaskRevision(revision: 1))
            #expect(viewer.status == .forbidden && viewer.problem?.code == "forbidden")
            // The operator is not among role maintenance: refused by the task, not the route.
            let operatorClaim = try await server.send(.post, "\(path)/claim", as: .operator, json: TaskRevision(revision: 1))
            #expect(operatorClaim.status == .forbidden && operatorClaim.problem?.detail.contains("role:maintenance") == true)
            let claimed = try await server.send(.post, "\(path)/claim", as: .maintenance, json: TaskRevision(revision: 1))
            #expect(claimed.status == .ok)
            #expect(try Self.task(claimed).claimedBy == "maintenance" && Self.task(claimed).revision == 2)

            let byMaintenance = try await server.send(.post, "\(path)/cancel", as: .maintenance, json: TaskCancellation(revision: 2, reason: "Not needed"))
            #expect(byMaintenance.status == .forbidden)
            let stale = try await server.send(.post, "\(path)/cancel", as: .supervisor, json: TaskCancellation(revision: 1, reason: "Not needed"))
            #expect(stale.status == .conflict && stale.problem?.detail.contains("you saw revision 1, it is now at 2") == true)
            let cancelled = try await server.send(.post, "\(path)/cancel", as: .supervisor, json: TaskCancellation(revision: 2, reason: "Line sold"))
            #expect(try cancelled.status == .ok && Self.task(cancelled).cancelledBy == "supervisor")
        }
    }

    @Test("Two tablets: the second claim and the second completion get a 409 saying who, and the first's work stays", arguments: TestDatabases.kinds)
    func conflicts(kind: Database.Kind) async throws {
        try await Self.run(kind, seed: { database, plant in
            [try await Self.open(database, plant, for: .team("FLOOR")), try await Self.open(database, plant, for: .team("FLOOR"))]
        }) { _, _, tasks, server in
            let (contested, done) = (tasks[0], tasks[1])
            let path = "/v1/tasks/\(contested.id)"
            #expect(try await server.send(.post, "\(path)/claim", as: .maintenance, json: TaskRevision(revision: 1)).status == .ok)
            let second = try await server.send(.post, "\(path)/claim", as: .operator, json: TaskRevision(revision: 1))
            #expect(second.status == .conflict && second.problem?.detail.contains("claimed by maintenance") == true)
            let staleRelease = try await server.send(.post, "\(path)/release", as: .maintenance, json: TaskRevision(revision: 1))
            #expect(staleRelease.status == .conflict && staleRelease.problem?.code == "conflict")
            #expect(try Self.task(try await server.send(.get, path)).claimedBy == "maintenance")

            // Both tablets saw revision 1 of another task while offline; both complete it when back.
            let first = try await server.send(.post, "/v1/tasks/\(done.id)/complete", as: .operator, json: TaskCompletion(revision: 1, password: nil, totp: nil))
            #expect(try first.status == .ok && Self.task(first).completedBy == "operator")
            let late = try await server.send(
                .post, "/v1/tasks/\(done.id)/complete", as: .maintenance, json: TaskCompletion(revision: 1, password: nil, totp: nil))
            #expect(late.status == .conflict && late.problem?.detail.hasPrefix("The task was already completed by operator at ") == true)
            #expect(try Self.task(try await server.send(.get, "/v1/tasks/\(done.id)")).completedBy == "operator")
        }
    }

    @Test("A task that needs a signature: without the password 422, a wrong one 403, the right one completes it signed", arguments: TestDatabases.kinds)
    func signature(kind: Database.Kind) async throws {
        try await Self.run(kind, seed: { database, plant in
            try await Self.open(database, plant, for: .team("FLOOR"), requiresSignature: true)
        }) { database, _, task, server in
            let path = "/v1/tasks/\(task.id)/complete"
            let unsigned = try await server.send(.post, path, as: .operator, json: TaskCompletion(revision: 1, password: nil, totp: nil))
            #expect(unsigned.status == .unprocessableContent && unsigned.problem?.errors.first?.field == "/password")
            let wrong = try await server.send(.post, path, as: .operator, json: TaskCompletion(revision: 1, password: "not my password", totp: nil))
            #expect(wrong.status == .forbidden && wrong.problem?.code == "signature-refused")
            let signed = try await server.send(.post, path, as: .operator, json: TaskCompletion(revision: 1, password: TestServer.password, totp: nil))
            #expect(signed.status == .ok)
            let completed = try Self.task(signed)
            let signatures = try await SignatureStore(database: database).signatures(of: HumanTask.self, id: task.id)
            #expect(try completed.status == .completed && signatures.map(\.id) == [#require(completed.completionSignatureId)])
            #expect(signatures.first?.username == "operator" && signatures.first?.meaning == .authored)
        }
    }

    @Test("Bad input is refused by field; an unknown task is a 404", arguments: TestDatabases.kinds)
    func validation(kind: Database.Kind) async throws {
        try await Self.run(kind, seed: { database, plant in
            try await Self.open(database, plant, for: .team("FLOOR"))
        }) { _, _, task, server in
            let zero = try await server.send(.post, "/v1/tasks/\(task.id)/claim", as: .operator, json: TaskRevision(revision: 0))
            #expect(zero.status == .unprocessableContent && zero.problem?.errors.first?.field == "/revision")
            let nobody = try await server.send(
                .post, "/v1/tasks/\(task.id)/reassign", as: .supervisor, json: TaskReassignment(revision: 1, assignee: .user("nobody")))
            #expect(nobody.status == .unprocessableContent && nobody.problem?.errors.first?.field == "/assignee")
            let badAssignee = try await server.sendRaw(.post, "/v1/tasks/\(task.id)/reassign", body: #"{"revision":1,"assignee":"crew:night"}"#)
            #expect(badAssignee.status == .unprocessableContent)
            for (query, field) in [("status=done", "/status"), ("assignee=you", "/assignee"), ("type=not%20a%20key", "/type"), ("lineId=x", "/lineId")] {
                let refused = try await server.send(.get, "/v1/tasks?\(query)")
                #expect(refused.status == .unprocessableContent && refused.problem?.errors.first?.field == field, "\(query)")
            }
            #expect(try await server.send(.get, "/v1/tasks/\(UUID())").status == .notFound)
            #expect(try await server.send(.post, "/v1/tasks/\(UUID())/claim", as: .operator, json: TaskRevision(revision: 1)).status == .notFound)
            let handed = try await server.send(
                .post, "/v1/tasks/\(task.id)/reassign", as: .supervisor, json: TaskReassignment(revision: 1, assignee: .role(.quality)))
            #expect(try handed.status == .ok && Self.task(handed).assignee == .role(.quality))
        }
    }

    @Test("Site scope: another site's task is not listed and answers 404; my tasks and paging", arguments: TestDatabases.kinds)
    func siteScopeAndPaging(kind: Database.Kind) async throws {
        try await Self.run(kind, seed: { database, plant in
            [
                try await Self.open(database, plant, for: .role(.supervisor)), try await Self.open(database, plant, for: .role(.supervisor)),
                try await Self.open(database, plant, for: .role(.maintenance), type: "dds.action"),
                try await Self.open(database, plant, for: .role(.supervisor), on: plant.oven),
            ]
        }) { _, plant, tasks, server in
            let (north, south) = (Array(tasks.prefix(3)), tasks[3])
            let supervisor = try await SiteScopeTests.userId(server, .supervisor)
            #expect(try await server.send(.put, "/v1/users/\(supervisor)/sites", json: UserSites([plant.site.id])).status == .ok)

            let everything = try TestServer.decode(Page<HumanTask>.self, try await server.send(.get, "/v1/tasks?limit=10"))
            #expect(everything.items.count == 4, "the admin has every site")
            let mine = try TestServer.decode(Page<HumanTask>.self, try await server.send(.get, "/v1/tasks?assignee=me", as: .supervisor))
            #expect(Set(mine.items.map(\.id)) == Set(north.prefix(2).map(\.id)))
            let typed = try TestServer.decode(Page<HumanTask>.self, try await server.send(.get, "/v1/tasks?type=dds.action&lineId=\(plant.bread.id)"))
            #expect(typed.items.map(\.id) == [north[2].id])

            var seen: [UUID] = []
            var page = try TestServer.decode(Page<HumanTask>.self, try await server.send(.get, "/v1/tasks?limit=2", as: .supervisor))
            seen += page.items.map(\.id)
            #expect(page.items.count == 2)
            let cursor = try #require(page.nextCursor)
            page = try TestServer.decode(Page<HumanTask>.self, try await server.send(.get, "/v1/tasks?limit=2&cursor=\(cursor)", as: .supervisor))
            seen += page.items.map(\.id)
            #expect(page.nextCursor == nil && Set(seen) == Set(north.map(\.id)) && seen.count == 3)

            #expect(try await server.send(.get, "/v1/tasks/\(south.id)", as: .supervisor).status == .notFound)
            let claimSouth = try await server.send(.post, "/v1/tasks/\(south.id)/claim", as: .supervisor, json: TaskRevision(revision: 1))
            #expect(claimSouth.status == .notFound)
            #expect(try await server.send(.get, "/v1/tasks/\(south.id)").status == .ok)
        }
    }
}

import Foundation
import MS5Domain
import MS5Identity
@testable import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// Escalation of overdue tasks through storage. The task is priority 2 on BREAD1, raised Monday
/// 2026-03-02 09:00 CET in the Early shift, so due at 14:00 CET = 13:00Z. Its chain tells the
/// supervisors when it falls due (0 s), team MAINT-A and sam 2 h later (7200 s: 16:00 CET), and
/// the managers a day later (86400 s: Tuesday 14:00 CET).
@Suite("Workflow task escalation through storage")
struct HumanTaskEscalationTests {
    static let chain = TaskEscalationChain(levels: [
        TaskEscalationLevel(overdueSeconds: 0, notify: [.role(.supervisor)]),
        TaskEscalationLevel(overdueSeconds: 7200, notify: [.team("MAINT-A"), .user("sam")]),
        TaskEscalationLevel(overdueSeconds: 86_400, notify: [.role(.manager)]),
    ])

    static func open(_ plant: WorkflowFixture, _ database: Database, at time: Date) async throws -> HumanTask {
        var input = HumanTaskClaimTests.input
        input.lineId = plant.bread.id
        input.escalation = chain
        return try await plant.open(input, WorkflowStore(database: database, clock: { time }))
    }

    /// Who each level told, as `level recipient`.
    static func told(_ database: Database, _ taskId: UUID) async throws -> [String] {
        try await database.read { db in
            try await db.select().columns("level", "recipient").from("human_task_escalations").where("task_id", .equal, SQLBind(taskId))
                .orderBy("level").orderBy("recipient").all()
                .map { "\(try $0.decode(column: "level", as: Int.self)) \(try $0.decode(column: "recipient", as: String.self))" }
        }
    }

    @Test("Level by level at the due date plus each level's time, once each, even with two instances at once", arguments: TestDatabases.kinds)
    func levelByLevel(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let task = try await Self.open(plant, database, at: WorkflowFixture.monday)
            #expect(task.dueAt == WorkflowFixture.at("2026-03-02T14:00:00+01:00"))
            let clock = SettableClock(WorkflowFixture.at("2026-03-02T13:59:59+01:00"))
            let tasks = HumanTaskStore(database: database, clock: clock.function)
            #expect(try await tasks.escalateDue().isEmpty)

            clock.set(WorkflowFixture.at("2026-03-02T14:00:00+01:00"))
            let first = try await tasks.escalateDue()
            #expect(first.map(\.task.escalationLevel) == [1] && first.first?.notify == [.role(.supervisor)])
            #expect(first.first?.kind == .escalated && first.first?.actor == "system")
            // Escalation leaves the revision: what people saw is still current.
            #expect(first.first?.task.revision == 1)
            #expect(try await tasks.escalateDue().isEmpty)

            // 14:00 + 7200 s = 16:00 CET: two instances try at once; one escalates.
            clock.set(WorkflowFixture.at("2026-03-02T16:00:00+01:00"))
            let made = try await TestDatabases.withSecondHandle(to: database) { other in
                async let mine = tasks.escalateDue()
                async let theirs = HumanTaskStore(database: other, clock: clock.function).escalateDue()
                return try await mine + theirs
            }
            #expect(made.map(\.task.escalationLevel) == [2])
            #expect(made.first?.notify == [.team("MAINT-A"), .user("sam")])
            #expect(try await Self.told(database, task.id) == ["1 role:supervisor", "2 team:MAINT-A", "2 user:sam"])

            // Sam sees it among his tasks; anna completes it with the revision she saw, and it escalates no more.
            let sam = try await plant.actor("sam", database)
            #expect(try await tasks.list(HumanTaskFilter(assignee: sam), PageRequest()).items.map(\.id) == [task.id])
            let anna = try await plant.actor("anna", database)
            let done = try await tasks.complete(task.id, by: anna, seenRevision: 1)
            #expect(done.escalationLevel == 2)
            clock.set(WorkflowFixture.at("2026-03-03T14:00:00+01:00"))
            #expect(try await tasks.escalateDue().isEmpty)
            let actions = try await AuditLedger.history(database, recordType: "workflow task", recordId: task.id.uuidString.lowercased()).map(\.action)
            #expect(actions == ["complete", "escalate", "escalate", "open"])
        }
    }

    @Test("Levels missed while nothing ran are reached at once, each person told once", arguments: TestDatabases.kinds)
    func missedLevels(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let task = try await Self.open(plant, database, at: WorkflowFixture.monday)
            // Tuesday 15:00 CET is 25 h = 90000 s past the due date: past 0, 7200 and 86400 s.
            let tasks = HumanTaskStore(database: database, clock: { WorkflowFixture.at("2026-03-03T15:00:00+01:00") })
            let escalated = try await tasks.escalateDue()
            #expect(escalated.map(\.task.escalationLevel) == [3])
            #expect(escalated.first?.notify == [.role(.supervisor), .team("MAINT-A"), .user("sam"), .role(.manager)])
            #expect(try await Self.told(database, task.id).count == 4)
            // At the last level the task waits for nobody else: no timer is left.
            #expect(try await tasks.escalateDue().isEmpty)
            let next = try await database.read { db in
                try await db.select().column("next_escalation_at").from("human_tasks").where("id", .equal, SQLBind(task.id))
                    .first(decodingColumn: "next_escalation_at", as: Date?.self)
            }
            #expect(next == .some(nil))
        }
    }
}

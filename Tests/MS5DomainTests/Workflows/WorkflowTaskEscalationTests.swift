import Foundation
import MS5Domain
import Testing

/// The fixture task is due Monday 2026-03-02 14:00 CET = 13:00Z. The chain tells the supervisors
/// when it falls due (0 s), the managers and team MAINT-A 2 h later (7200 s), and the plant
/// manager and the supervisors again a day later (86400 s).
@Suite("Workflow task escalation")
struct WorkflowTaskEscalationTests {
    let chain = TaskEscalationChain(levels: [
        TaskEscalationLevel(overdueSeconds: 0, notify: [.role(.supervisor)]),
        TaskEscalationLevel(overdueSeconds: 7200, notify: [.role(.manager), .team("MAINT-A")]),
        TaskEscalationLevel(overdueSeconds: 86_400, notify: [.user("plant.manager"), .role(.supervisor)]),
    ])

    @Test("each level in turn, at the due date plus its overdue time")
    func levelByLevel() throws {
        let task = try WorkflowFixtures.task()
        // Level 1 at 13:00Z + 0 s = 14:00 CET; nothing a second before.
        #expect(chain.nextEscalationAt(for: task) == Fixtures.at("2026-03-02T14:00:00+01:00"))
        #expect(chain.escalation(of: task, at: Fixtures.at("2026-03-02T13:59:59+01:00")) == nil)

        let first = try #require(chain.escalation(of: task, at: Fixtures.at("2026-03-02T14:00:00+01:00")))
        #expect(first.task.escalationLevel == 1 && first.notify == [.role(.supervisor)])
        // Level 2 at 14:00 + 7200 s = 16:00 CET. Escalating leaves the revision at 1.
        #expect(first.nextEscalationAt == Fixtures.at("2026-03-02T16:00:00+01:00"))
        #expect(first.task.revision == 1 && first.task.updatedAt == Fixtures.at("2026-03-02T14:00:00+01:00"))
        #expect(chain.escalation(of: first.task, at: Fixtures.at("2026-03-02T15:00:00+01:00")) == nil)

        let second = try #require(chain.escalation(of: first.task, at: Fixtures.at("2026-03-02T16:30:00+01:00")))
        #expect(second.task.escalationLevel == 2 && second.notify == [.role(.manager), .team("MAINT-A")])
        // Level 3 at 14:00 + 86400 s = Tuesday 14:00 CET.
        #expect(second.nextEscalationAt == Fixtures.at("2026-03-03T14:00:00+01:00"))

        let third = try #require(chain.escalation(of: second.task, at: Fixtures.at("2026-03-03T14:00:00+01:00")))
        #expect(third.task.escalationLevel == 3 && third.notify == [.user("plant.manager"), .role(.supervisor)])
        #expect(third.nextEscalationAt == nil)
        #expect(chain.escalation(of: third.task, at: Fixtures.at("2026-03-10T14:00:00+01:00")) == nil)
    }

    @Test("levels missed while the engine was down are reached at once, each person told once")
    func missedLevels() throws {
        // Tuesday 15:00 CET is 25 h = 90000 s overdue: past 0, 7200 and 86400 s.
        let escalation = try #require(chain.escalation(of: WorkflowFixtures.task(), at: Fixtures.at("2026-03-03T15:00:00+01:00")))
        #expect(escalation.task.escalationLevel == 3)
        #expect(escalation.notify == [.role(.supervisor), .role(.manager), .team("MAINT-A"), .user("plant.manager")])
        #expect(escalation.nextEscalationAt == nil)
    }

    @Test("overdue time is elapsed time, also across spring-forward")
    func acrossClockChange() throws {
        // Due Sunday 2026-03-29 01:30 CET = 00:30Z; level 2 at + 7200 s = 02:30Z = 04:30 CEST,
        // three hours later on the wall clock.
        var task = try WorkflowFixtures.task()
        task.dueAt = Fixtures.at("2026-03-29T01:30:00+01:00")
        task.escalationLevel = 1
        #expect(chain.nextEscalationAt(for: task) == Fixtures.at("2026-03-29T04:30:00+02:00"))
    }

    @Test("completed tasks and tasks without a due date do not escalate")
    func notEscalated() throws {
        let afterDue = Fixtures.at("2026-03-02T18:00:00+01:00")
        let completed = try WorkflowFixtures.task().completed(by: WorkflowFixtures.anna, at: afterDue, seenRevision: 1)
        #expect(chain.nextEscalationAt(for: completed) == nil && chain.escalation(of: completed, at: afterDue) == nil)
        var undated = try WorkflowFixtures.task()
        undated.dueAt = nil
        #expect(chain.nextEscalationAt(for: undated) == nil && chain.escalation(of: undated, at: afterDue) == nil)
    }

    @Test("overdue tasks at an instant, the longest overdue first")
    func overdueList() throws {
        let now = Fixtures.at("2026-03-02T14:30:00+01:00")
        let dueAt14 = try WorkflowFixtures.task()
        var dueAt13 = try WorkflowFixtures.task()
        dueAt13.dueAt = Fixtures.at("2026-03-02T13:00:00+01:00")
        var dueLater = try WorkflowFixtures.task()
        dueLater.dueAt = Fixtures.at("2026-03-02T15:00:00+01:00")
        var undated = try WorkflowFixtures.task()
        undated.dueAt = nil
        let completed = try dueAt13.completed(by: WorkflowFixtures.anna, at: now, seenRevision: 1)
        // Due 14:00 (30 min overdue) and 13:00 (90 min); not 15:00, the undated or the completed one.
        let overdue = HumanTask.overdue([dueAt14, dueLater, undated, completed, dueAt13], at: now)
        #expect(overdue.map(\.dueAt) == [dueAt13.dueAt, dueAt14.dueAt])
        #expect(dueAt13.overdueTime(at: now) == 5400)
        // Due at 14:00 means overdue from 14:00 on.
        #expect(dueAt14.isOverdue(at: Fixtures.at("2026-03-02T14:00:00+01:00")))
        #expect(!dueAt14.isOverdue(at: Fixtures.at("2026-03-02T13:59:59+01:00")))
    }

    @Test("a chain has 1 to 10 levels, each naming someone, later than the one before")
    func validation() {
        #expect { try TaskEscalationChain(levels: []).validate() } throws: { WorkflowFixtures.fields($0) == ["/levels"] }
        let bad = TaskEscalationChain(levels: [
            TaskEscalationLevel(overdueSeconds: 3600, notify: [.user("")]),
            TaskEscalationLevel(overdueSeconds: 3600, notify: []),
            TaskEscalationLevel(overdueSeconds: -5, notify: [.team("no spaces")]),
        ])
        #expect { try bad.validate() } throws: { error in
            WorkflowFixtures.fields(error) == [
                "/levels/0/notify/0", "/levels/1/overdueSeconds", "/levels/1/notify", "/levels/2/overdueSeconds",
                "/levels/2/overdueSeconds", "/levels/2/notify/0",
            ]
        }
        #expect(throws: Never.self) { try chain.validate() }
    }
}

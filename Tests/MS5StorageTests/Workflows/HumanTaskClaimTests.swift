import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import Testing

/// Claims and revisions through storage: tasks for role maintenance on BREAD1, opened Monday
/// 2026-03-02 09:00 CET at revision 1; anna and ben are both maintenance.
@Suite("Workflow task claims and revisions")
struct HumanTaskClaimTests {
    static let input = HumanTaskInput(
        type: "cil.routine", title: "Clean and inspect the slicer blades", assignee: .role(.maintenance), priority: .endOfShift,
        lineId: nil)

    /// The plant, a clock at Monday 09:00 CET, stores on it, and one open task on BREAD1.
    static func setUp(_ database: Database) async throws -> (WorkflowFixture, SettableClock, HumanTaskStore, HumanTask) {
        let plant = try await WorkflowFixture.make(database)
        let clock = SettableClock(WorkflowFixture.monday)
        var input = Self.input
        input.lineId = plant.bread.id
        let task = try await plant.open(input, WorkflowStore(database: database, clock: clock.function))
        return (plant, clock, HumanTaskStore(database: database, claimLifetime: 3600, clock: clock.function), task)
    }

    /// The refusal's code and message.
    static func refusal(_ body: () async throws -> HumanTask) async -> (DomainError.Code?, String) {
        do {
            _ = try await body()
            return (nil, "")
        } catch {
            return ((error as? DomainError)?.code, (error as? DomainError)?.message ?? "\(error)")
        }
    }

    @Test("A claim keeps others off until it lapses; the refused claim changes nothing", arguments: TestDatabases.kinds)
    func claimConflict(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, clock, tasks, task) = try await Self.setUp(database)
            let anna = try await plant.actor("anna", database)
            let ben = try await plant.actor("ben", database)

            let claimed = try await tasks.claim(task.id, by: anna, seenRevision: 1)
            #expect(claimed.status == .claimed && claimed.claimedBy == "anna" && claimed.revision == 2)

            // Ben's tablet still shows revision 1; with revision 2 too, anna's claim (09:00, for 3600 s) holds.
            clock.set(WorkflowFixture.at("2026-03-02T09:30:00+01:00"))
            let stale = await Self.refusal { try await tasks.claim(task.id, by: ben, seenRevision: 1) }
            #expect(stale.0 == .conflict && stale.1.contains("claimed by anna since 2026-03-02T08:00:00Z"))
            let held = await Self.refusal { try await tasks.claim(task.id, by: ben, seenRevision: 2) }
            #expect(held.0 == .conflict && held.1.contains("taken over from 2026-03-02T09:00:00Z"))
            #expect(try await tasks.get(task.id) == claimed)

            // 09:00 CET + 3600 s = 10:00 CET: ben takes it over at revision 3.
            clock.set(WorkflowFixture.at("2026-03-02T10:00:00+01:00"))
            let takenOver = try await tasks.claim(task.id, by: ben, seenRevision: 2)
            #expect(takenOver.claimedBy == "ben" && takenOver.revision == 3)

            // An operator is not among role maintenance.
            let olga = try await plant.actor("olga", database)
            #expect(await Self.refusal { try await tasks.claim(task.id, by: olga, seenRevision: 3) }.0 == .forbidden)
        }
    }

    @Test("Two tablets offline both complete the task: the second learns who did it, the first's completion stays", arguments: TestDatabases.kinds)
    func offlineTablets(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, clock, tasks, task) = try await Self.setUp(database)
            let anna = try await plant.actor("anna", database)
            let ben = try await plant.actor("ben", database)
            // Both opened the task at revision 1 before the Wi-Fi went; anna's tablet syncs first at 11:00.
            clock.set(WorkflowFixture.at("2026-03-02T11:00:00+01:00"))
            let done = try await tasks.complete(task.id, by: anna, seenRevision: 1)
            #expect(done.status == .completed && done.completedBy == "anna" && done.revision == 2)
            clock.set(WorkflowFixture.at("2026-03-02T11:05:00+01:00"))
            let second = await Self.refusal { try await tasks.complete(task.id, by: ben, seenRevision: 1) }
            #expect(second.0 == .conflict && second.1 == "The task was already completed by anna at 2026-03-02T10:00:00Z.")
            #expect(try await tasks.get(task.id) == done)
        }
    }

    @Test("A stale revision is refused, saying which it saw and which the task is at", arguments: TestDatabases.kinds)
    func staleRevision(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, _, tasks, task) = try await Self.setUp(database)
            let anna = try await plant.actor("anna", database)
            _ = try await tasks.claim(task.id, by: anna, seenRevision: 1)
            // Anna's other tablet, still at revision 1, releases.
            let stale = await Self.refusal { try await tasks.release(task.id, by: anna, seenRevision: 1) }
            #expect(stale.0 == .conflict && stale.1.contains("you saw revision 1, it is now at 2"))
            let released = try await tasks.release(task.id, by: anna, seenRevision: 2)
            #expect(released.status == .open && released.claimedBy == nil && released.revision == 3)
            let sam = try await plant.actor("sam", database)
            #expect(await Self.refusal { try await tasks.cancel(task.id, by: sam, seenRevision: 2, reason: "line down") }.0 == .conflict)
            let cancelled = try await tasks.cancel(task.id, by: sam, seenRevision: 3, reason: "  Line stopped for the week  ")
            #expect(cancelled.status == .cancelled && cancelled.cancellationReason == "Line stopped for the week" && cancelled.revision == 4)
        }
    }

    @Test("Two claims at the same moment: exactly one wins, the other gets a conflict", arguments: TestDatabases.kinds)
    func concurrentClaims(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, _, tasks, task) = try await Self.setUp(database)
            let anna = try await plant.actor("anna", database)
            let ben = try await plant.actor("ben", database)
            try await TestDatabases.withSecondHandle(to: database) { other in
                let otherTasks = HumanTaskStore(database: other, claimLifetime: 3600, clock: { WorkflowFixture.monday })
                async let first = Self.refusal { try await tasks.claim(task.id, by: anna, seenRevision: 1) }
                async let second = Self.refusal { try await otherTasks.claim(task.id, by: ben, seenRevision: 1) }
                let outcomes = await [first.0, second.0]
                #expect(outcomes.filter { $0 == nil }.count == 1 && outcomes.filter { $0 == .conflict }.count == 1)
            }
            let winner = try await tasks.get(task.id)
            #expect(winner.revision == 2 && ["anna", "ben"].contains(winner.claimedBy ?? ""))
        }
    }

    @Test("Reassigning releases the claim and opens the task to the new assignee only", arguments: TestDatabases.kinds)
    func reassign(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let (plant, _, tasks, task) = try await Self.setUp(database)
            let anna = try await plant.actor("anna", database)
            let ben = try await plant.actor("ben", database)
            let sam = try await plant.actor("sam", database)
            _ = try await tasks.claim(task.id, by: anna, seenRevision: 1)
            let unknown = await Self.refusal { try await tasks.reassign(task.id, to: .team("MAINT-Z"), by: sam, seenRevision: 2) }
            #expect(unknown.0 == .invalid)
            let handed = try await tasks.reassign(task.id, to: .team("MAINT-B"), by: sam, seenRevision: 2)
            #expect(handed.assignee == .team("MAINT-B") && handed.status == .open && handed.claimedBy == nil && handed.revision == 3)
            #expect(handed.dueAt == task.dueAt)
            #expect(await Self.refusal { try await tasks.claim(task.id, by: anna, seenRevision: 3) }.0 == .forbidden)
            #expect(try await tasks.claim(task.id, by: ben, seenRevision: 3).claimedBy == "ben")
            // A username is kept as accounts keep it, in lower case.
            let toSam = try await tasks.reassign(task.id, to: .user("Sam"), by: sam, seenRevision: 4)
            #expect(toSam.assignee == .user("sam"))
        }
    }
}

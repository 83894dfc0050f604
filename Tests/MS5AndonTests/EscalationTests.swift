import Foundation
import Logging
import MS5Andon
import MS5Domain
import MS5Storage
import MS5TestSupport
import MS5Workflows
import SQLKit
import Testing

@Suite("Andon escalation on the workflow core")
struct EscalationTests {
    static let logger = Logger(label: "ms5.test")

    /// The workflow engine as ms5 runs it, with Andon's escalation handler.
    static func escalator(_ database: Database, clock: ManualClock) throws -> Escalator {
        var handlers = TimerHandlers()
        try AndonEscalation.register(in: &handlers, logger: logger)
        return Escalator(engine: WorkflowEngine(database: database, handlers: handlers, clock: clock.function, logger: logger), database: database)
    }

    /// One round of the workflow engine, answering the calls it escalated as they are now.
    struct Escalator {
        let engine: WorkflowEngine
        let database: Database

        func escalateDue() async throws -> [AndonCall] {
            let round = try await engine.runDue()
            #expect(round.timers.failed.isEmpty)
            var calls: [AndonCall] = []
            for timer in round.timers.fired {
                let instance = try await WorkflowStore(database: database).instance(timer.instanceId)
                calls.append(try await AndonCallStore(database: database).get(try #require(UUID(uuidString: instance.subject.recordId))))
            }
            return calls
        }
    }

    @Test("Level 1 → 2 → 3 on the policy's delays; acknowledging stops it, resolving closes the call", arguments: TestDatabases.kinds)
    func levels(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database)
            let clock = ManualClock(AndonFixture.start)
            let calls = AndonCallStore(database: database, clock: clock.function)
            let escalator = try Self.escalator(database, clock: clock)
            let t0 = AndonFixture.start

            let raised = try await calls.raise(plant.callInput, by: "olga")
            #expect(raised.kind == .triggered && raised.call.level == 1 && raised.call.status == .open)
            #expect(raised.call.nextEscalationAt == t0.addingTimeInterval(60))
            #expect(raised.recipients == plant.policy.levels[0])

            clock.set(t0.addingTimeInterval(59))
            #expect(try await escalator.escalateDue().isEmpty)
            clock.set(t0.addingTimeInterval(60))
            let second = try await escalator.escalateDue()
            #expect(second.map(\.level) == [2])
            #expect(second.first?.nextEscalationAt == t0.addingTimeInterval(180))
            clock.set(t0.addingTimeInterval(180))
            let third = try await escalator.escalateDue()
            #expect(third.map(\.level) == [3])
            // The last level has no delay to run out: the call stays at level 3.
            #expect(third.first?.nextEscalationAt == nil)
            clock.set(t0.addingTimeInterval(10_000))
            #expect(try await escalator.escalateDue().isEmpty)

            let log = try await AndonNotificationStore(database: database).log(callId: raised.call.id)
            #expect(Set(log.map { "\($0.level) \($0.channel.rawValue) \($0.target)" }) == [
                "1 app role:maintenance", "1 email shift-fitter@bakery.example",
                "2 app user:sam.supervisor", "2 webhook \(plant.webhookId.uuidString.lowercased())",
                "3 app role:manager",
            ])
            #expect(log.count == 5)

            // A second call is acknowledged at level 2: it escalates no further.
            clock.set(t0.addingTimeInterval(20_000))
            let other = try await calls.raise(plant.callInput, by: "olga")
            clock.set(t0.addingTimeInterval(20_060))
            #expect(try await escalator.escalateDue().map(\.id) == [other.call.id])
            clock.set(t0.addingTimeInterval(20_100))
            let acknowledged = try await calls.act(other.call.id, AndonCallAction(status: .acknowledged), by: "max.fitter")
            #expect(acknowledged.call.status == .acknowledged && acknowledged.call.acknowledgedBy == "max.fitter")
            #expect(acknowledged.call.acknowledgedAt == t0.addingTimeInterval(20_100) && acknowledged.call.nextEscalationAt == nil)
            clock.set(t0.addingTimeInterval(30_000))
            #expect(try await escalator.escalateDue().isEmpty)
            #expect(try await calls.get(other.call.id).level == 2)

            await #expect(throws: DomainError.self) {
                try await calls.act(other.call.id, AndonCallAction(status: .resolved), by: "max.fitter")
            }
            let resolved = try await calls.act(other.call.id, AndonCallAction(status: .resolved, note: "Cleared the film, reset the sealer"), by: "max.fitter")
            #expect(resolved.kind == .resolved && resolved.call.status == .resolved && resolved.call.resolvedBy == "max.fitter")
            #expect(resolved.call.resolutionNote == "Cleared the film, reset the sealer")
            await #expect(throws: DomainError.self) {
                try await calls.act(other.call.id, AndonCallAction(status: .acknowledged), by: "max.fitter")
            }
            #expect(try await calls.list(activeOnly: true).map(\.id) == [raised.call.id])
            // The resolved call's workflow instance has ended; the open one's still runs.
            let workflows = WorkflowStore(database: database)
            #expect(try await workflows.transaction { try await $0.running("andon.call", about: AndonWorkflow.subject(of: other.call.id)) } == nil)
            let running = try await workflows.transaction { try await $0.running("andon.call", about: AndonWorkflow.subject(of: raised.call.id)) }
            #expect(running?.currentStep == "level-3")
        }
    }

    @Test("Calls raised before the workflow core took escalation get their instance and timer when the database is migrated", arguments: TestDatabases.kinds)
    func migratedCalls(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind, migrated: false) { database in
            try await Migrator(database: database).migrate(through: 28)
            let plant = try await AndonFixture.make(database)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0)
            let calls = AndonCallStore(database: database, clock: clock.function)
            let open = try await calls.raise(plant.callInput, by: "olga")
            let acknowledged = try await calls.raise(plant.callInput, by: "olga")
            _ = try await calls.act(acknowledged.call.id, AndonCallAction(status: .acknowledged), by: "max.fitter")
            // Version 28 kept the timer in the call's row only: take away what this build wrote.
            try await database.transaction { db in
                try await db.delete(from: "workflow_timers").run()
                try await db.delete(from: "workflow_instances").run()
            }
            #expect(try await Migrator(database: database).migrate().map(\.version) == [29, 30])

            // The open call's level 1 (60 s) ran out at t0 + 60 s; the acknowledged one stays.
            clock.set(t0.addingTimeInterval(60))
            let escalated = try await Self.escalator(database, clock: clock).escalateDue()
            #expect(escalated.map(\.id) == [open.call.id] && escalated.first?.level == 2)
            let flows = WorkflowStore(database: database)
            let instance = try await flows.transaction { try await $0.running("andon.call", about: AndonWorkflow.subject(of: acknowledged.call.id)) }
            #expect(instance?.currentStep == "acknowledged")
            _ = try await calls.act(acknowledged.call.id, AndonCallAction(status: .resolved, note: "Belt re-tracked"), by: "max.fitter")
            #expect(try await flows.transaction { try await $0.running("andon.call", about: AndonWorkflow.subject(of: acknowledged.call.id)) } == nil)
        }
    }

    @Test("Escalating until resolved goes on after an acknowledgement", arguments: TestDatabases.kinds)
    func untilResolved(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database, until: .resolved)
            let clock = ManualClock(AndonFixture.start)
            let calls = AndonCallStore(database: database, clock: clock.function)
            let raised = try await calls.raise(plant.callInput, by: "olga")
            clock.set(AndonFixture.start.addingTimeInterval(30))
            let acknowledged = try await calls.act(raised.call.id, AndonCallAction(status: .acknowledged), by: "max.fitter")
            #expect(acknowledged.call.nextEscalationAt == AndonFixture.start.addingTimeInterval(60))
            clock.set(AndonFixture.start.addingTimeInterval(60))
            #expect(try await Self.escalator(database, clock: clock).escalateDue().map(\.level) == [2])
        }
    }

    @Test("A restart in the middle of an escalation continues it, each level announced once", arguments: TestDatabases.kinds)
    func restart(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0)
            let raised = try await AndonCallStore(database: database, clock: clock.function).raise(plant.callInput, by: "olga")
            clock.set(t0.addingTimeInterval(61))
            #expect(try await Self.escalator(database, clock: clock).escalateDue().map(\.level) == [2])

            // The server is down from t0 + 61 s to t0 + 400 s; level 3 fell due at t0 + 180 s.
            // A new process opens the same database and carries on.
            try await Database.withOpen(database.url, logger: Self.logger) { reopened in
                let restartedClock = ManualClock(t0.addingTimeInterval(400))
                let after = try await Self.escalator(reopened, clock: restartedClock).escalateDue()
                #expect(after.map(\.level) == [3])
                #expect(after.first?.levelReachedAt == t0.addingTimeInterval(180))
                #expect(try await Self.escalator(reopened, clock: restartedClock).escalateDue().isEmpty)
            }
            let levels = try await AndonNotificationStore(database: database).log(callId: raised.call.id).map(\.level)
            #expect(levels.sorted() == [1, 1, 2, 2, 3])
        }
    }

    @Test("Two escalators on one database: each escalation is made once, its notifications queued once", arguments: TestDatabases.kinds)
    func twoInstances(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await AndonFixture.make(database)
            let t0 = AndonFixture.start
            let clock = ManualClock(t0)
            let calls = AndonCallStore(database: database, clock: clock.function)
            var ids: [UUID] = []
            for _ in 0..<20 { ids.append(try await calls.raise(plant.callInput, by: "olga").call.id) }
            let raised = Set(ids)
            clock.set(t0.addingTimeInterval(60))
            try await TestDatabases.withSecondHandle(to: database) { other in
                let first = try Self.escalator(database, clock: clock)
                let second = try Self.escalator(other, clock: clock)
                async let a = first.escalateDue()
                async let b = second.escalateDue()
                let made = try await a + b
                #expect(made.count == 20)
                #expect(Set(made.map(\.id)) == raised)
            }
            let log = try await AndonNotificationStore(database: database).log(limit: 1000)
            #expect(log.filter { $0.level == 2 }.count == 40)
            #expect(log.count == 80)
        }
    }
}

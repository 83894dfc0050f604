import Foundation
import MS5Domain
import MS5Identity
import MS5Storage
import MS5TestSupport
import Testing

/// Instances and timers in the database, on the fixture plant, from Monday 2026-03-02 09:00 CET (t0).
@Suite("Workflow instances and timers")
struct WorkflowStoreTests {
    static let t0 = WorkflowFixture.monday
    static let subject = WorkflowSubject(recordType: "centerline.deviation", recordId: "EQ1@2026-03-02T08:00:00Z")

    @Test("An instance keeps the version it started on while newer versions start new instances", arguments: TestDatabases.kinds)
    func versionKept(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            let old = try await store.transaction {
                try await $0.start(WorkflowDefinition(name: "centerline.check", version: 1), firstStep: "measure", subject: Self.subject)
            }
            let new = try await store.transaction {
                try await $0.start(WorkflowDefinition(name: "centerline.check", version: 2), firstStep: "measure", subject: Self.subject)
            }
            let moved = try await store.transaction { try await $0.advance(old.id, to: "confirm") }
            #expect(moved.definition.version == 1 && moved.currentStep == "confirm")
            #expect(try await store.instance(old.id) == moved)
            #expect(try await store.instance(new.id).definition == WorkflowDefinition(name: "centerline.check", version: 2))
            #expect(try await store.instance(old.id).subject == Self.subject)
        }
    }

    @Test("Ending an instance cancels its waiting timers, refuses new ones and tasks; a refused step leaves nothing", arguments: TestDatabases.kinds)
    func ending(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let clock = SettableClock(Self.t0)
            let store = WorkflowStore(database: database, clock: clock.function)
            let instance = try await store.transaction { transaction in
                let instance = try await transaction.start(WorkflowFixture.definition, firstStep: "await-action", subject: Self.subject)
                _ = try await transaction.schedule("dds.remind", at: Self.t0.addingTimeInterval(60), for: instance.id)
                _ = try await transaction.schedule("dds.close", at: Self.t0.addingTimeInterval(120), for: instance.id)
                return instance
            }
            #expect(try await store.timers(of: instance.id).map(\.purpose) == ["dds.remind", "dds.close"])
            let cancelled = try await store.transaction { try await $0.cancelTimers(of: instance.id, purpose: "dds.close") }
            #expect(cancelled == 1)
            let ended = try await store.transaction { try await $0.finish(instance.id, as: .completed) }
            #expect(ended.status == .completed)
            #expect(try await store.timers(of: instance.id).isEmpty)
            clock.set(Self.t0.addingTimeInterval(3600))
            #expect(try await store.fireDue { _, _ in Issue.record("a timer of an ended instance fired") } == TimerRound())

            await #expect(throws: DomainError.self) {
                try await store.transaction { try await $0.schedule("dds.remind", at: Self.t0, for: instance.id) }
            }
            await #expect(throws: DomainError.self) {
                try await store.transaction {
                    try await $0.openTask(
                        HumanTaskInput(type: "dds.action", title: "Late", assignee: .role(.maintenance), priority: .direct, lineId: plant.bread.id),
                        for: instance.id)
                }
            }
            await #expect(throws: DomainError.self) { try await store.transaction { try await $0.finish(instance.id, as: .cancelled) } }
            let history = try await AuditLedger.history(database, recordType: "workflow instance", recordId: instance.id.uuidString.lowercased())
            #expect(history.map(\.action) == ["finish", "start"])
        }
    }

    @Test("A due timer fires once with its effect; its effect and firing roll back together", arguments: TestDatabases.kinds)
    func fireOnce(kind: Database.Kind) async throws {
        struct Refused: Error {}
        try await TestDatabases.with(kind) { database in
            let clock = SettableClock(Self.t0)
            let store = WorkflowStore(database: database, clock: clock.function)
            let instance = try await store.transaction { transaction in
                let instance = try await transaction.start(WorkflowFixture.definition, firstStep: "await-action", subject: Self.subject)
                _ = try await transaction.schedule("dds.remind", at: Self.t0.addingTimeInterval(60), for: instance.id)
                return instance
            }
            clock.set(Self.t0.addingTimeInterval(59))
            #expect(try await store.fireDue { _, _ in Issue.record("fired a second early") } == TimerRound())

            // At t0 + 60 s the handler moves the instance on, then fails: neither the move nor the firing stays.
            clock.set(Self.t0.addingTimeInterval(60))
            let failed = try await store.fireDue { timer, transaction in
                _ = try await transaction.advance(timer.instanceId, to: "reminded")
                throw Refused()
            }
            #expect(failed.fired.isEmpty && failed.failed.count == 1)
            #expect(try await store.instance(instance.id).currentStep == "await-action")
            #expect(try await store.timers(of: instance.id).first?.firedAt == nil)

            // Retried 2 s later (t0 + 62 s) it fires, its move with it, and never again.
            clock.set(Self.t0.addingTimeInterval(62))
            let fired = try await store.fireDue { timer, transaction in _ = try await transaction.advance(timer.instanceId, to: "reminded") }
            #expect(fired.fired.map(\.firedAt) == [Self.t0.addingTimeInterval(62)])
            #expect(try await store.instance(instance.id).currentStep == "reminded")
            clock.set(Self.t0.addingTimeInterval(3600))
            #expect(try await store.fireDue { _, _ in Issue.record("fired twice") } == TimerRound())
        }
    }
    @Test("The engine withdraws a task whatever revision people saw; a closed task escalates no more", arguments: TestDatabases.kinds)
    func engineCancels(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            // Priority 1 at 09:00 CET: due 10:00 CET, the chain's one level at once.
            let task = try await plant.open(
                HumanTaskInput(
                    type: "dds.action", title: "Check the seal", assignee: .role(.maintenance), priority: .direct, lineId: plant.bread.id,
                    escalation: TaskEscalationChain(levels: [TaskEscalationLevel(overdueSeconds: 0, notify: [.role(.supervisor)])])),
                store)
            let anna = try await plant.actor("anna", database)
            _ = try await HumanTaskStore(database: database, clock: { Self.t0 }).claim(task.id, by: anna, seenRevision: 1)
            let withdrawn = try await store.transaction { try await $0.cancelTask(task.id, reason: "The action was closed at the board") }
            #expect(withdrawn.status == .cancelled && withdrawn.cancelledBy == "system" && withdrawn.revision == 3)
            await #expect(throws: DomainError.self) { try await store.transaction { try await $0.cancelTask(task.id, reason: "again") } }
            let later = HumanTaskStore(database: database, clock: { WorkflowFixture.at("2026-03-02T11:00:00+01:00") })
            #expect(try await later.escalateDue().isEmpty)
            let events = try await EventLog(database: database).events(after: 0, matching: EventFilter(types: [.workflowTaskCancelled]), limit: 10)
            #expect(try events.map { try EventData.decode(HumanTaskEvent.self, from: $0.event.data).actor } == ["system"])
        }
    }
}

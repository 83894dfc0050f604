import Foundation
import Logging
import MS5Domain
import MS5Storage
import MS5TestSupport
import MS5Workflows
import SQLKit
import Synchronization
import Testing

/// The engine over the database. Instances run `dds.action` v1 on the fixture plant; timers of
/// purpose `dds.remind` open a reminder task on BREAD1 when they fire, so the tasks an instance
/// has count its timers' firings. Time starts Monday 2026-03-02 09:00 CET (t0).
@Suite("Workflow engine")
struct WorkflowEngineTests {
    /// Quiet below errors: the failures these tests cause on purpose are logged as warnings.
    static let logger: Logger = {
        var logger = Logger(label: "ms5.test")
        logger.logLevel = .error
        return logger
    }()
    static let t0 = WorkflowFixture.monday

    struct Refused: Error {}

    /// How many more times a handler fails.
    final class Countdown: Sendable {
        private let remaining: Mutex<Int>

        init(_ count: Int) {
            remaining = Mutex(count)
        }

        /// Whether a failure is left, using it up.
        func takeOne() -> Bool {
            remaining.withLock { count in
                guard count > 0 else { return false }
                count -= 1
                return true
            }
        }
    }

    /// Handlers with `dds.remind` opening a reminder task, after which it fails as long as `failures` has some left.
    static func handlers(_ plant: WorkflowFixture, failures: Countdown = Countdown(0)) throws -> TimerHandlers {
        var handlers = TimerHandlers()
        let lineId = plant.bread.id
        try handlers.register("dds.remind") { timer, transaction in
            _ = try await transaction.openTask(
                HumanTaskInput(type: "dds.remind", title: "Follow up the action", assignee: .role(.supervisor), priority: .direct, lineId: lineId),
                for: timer.instanceId)
            if failures.takeOne() { throw Refused() }
        }
        return handlers
    }

    /// Starts an instance with a `dds.remind` timer at each of `offsets` seconds after t0.
    static func instance(_ database: Database, timersAt offsets: [TimeInterval]) async throws -> UUID {
        try await WorkflowStore(database: database, clock: { t0 }).transaction { transaction in
            let instance = try await transaction.start(
                WorkflowFixture.definition, firstStep: "await-action", subject: WorkflowSubject(recordType: "dds.action", recordId: UUID().uuidString))
            for offset in offsets {
                _ = try await transaction.schedule("dds.remind", at: t0.addingTimeInterval(offset), for: instance.id)
            }
            return instance.id
        }
    }

    static func reminders(_ database: Database, of instanceId: UUID) async throws -> Int {
        try await WorkflowStore(database: database).transaction { try await $0.tasks(of: instanceId).count }
    }

    @Test("Timers that came due while ms5 was down fire on the first round after the restart, each once", arguments: TestDatabases.kinds)
    func restart(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let instanceId = try await Self.instance(database, timersAt: [60, 120, 180])
            let clock = SettableClock(Self.t0.addingTimeInterval(60))
            let engine = WorkflowEngine(database: database, handlers: try Self.handlers(plant), clock: clock.function, logger: Self.logger)
            // t0 + 60 s: the first timer is due, the others not yet.
            #expect(try await engine.runDue().timers.fired.map(\.fireAt) == [Self.t0.addingTimeInterval(60)])
            clock.set(Self.t0.addingTimeInterval(90))
            #expect(try await engine.runDue().timers.fired.isEmpty)

            // ms5 is down from t0 + 90 s to t0 + 400 s; a new process opens the same database.
            try await Database.withOpen(database.url, logger: Self.logger) { reopened in
                let restarted = WorkflowEngine(
                    database: reopened, handlers: try Self.handlers(plant), clock: { Self.t0.addingTimeInterval(400) }, logger: Self.logger)
                let round = try await restarted.runDue()
                #expect(round.timers.fired.map(\.fireAt) == [Self.t0.addingTimeInterval(120), Self.t0.addingTimeInterval(180)])
                #expect(round.timers.fired.allSatisfy { $0.firedAt == Self.t0.addingTimeInterval(400) })
                #expect(try await restarted.runDue().timers.fired.isEmpty)
            }
            #expect(try await Self.reminders(database, of: instanceId) == 3)
            #expect(try await WorkflowStore(database: database).timers(of: instanceId).allSatisfy { $0.firedAt != nil })
        }
    }

    @Test("Two engines on one database, running at once, fire each of 40 timers exactly once", arguments: TestDatabases.kinds)
    func twoEngines(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            var instances: [UUID] = []
            for _ in 0..<20 { instances.append(try await Self.instance(database, timersAt: [30, 60])) }
            let clock: @Sendable () -> Date = { Self.t0.addingTimeInterval(60) }
            let fired = try await TestDatabases.withSecondHandle(to: database) { other in
                let first = WorkflowEngine(database: database, handlers: try Self.handlers(plant), clock: clock, logger: Self.logger)
                let second = WorkflowEngine(database: other, handlers: try Self.handlers(plant), clock: clock, logger: Self.logger)
                async let a = first.runDue()
                async let b = second.runDue()
                return try await a.timers.fired + b.timers.fired
            }
            // 20 instances × 2 timers = 40 firings, no id twice.
            #expect(fired.count == 40 && Set(fired.map(\.id)).count == 40)
            for instanceId in instances {
                #expect(try await Self.reminders(database, of: instanceId) == 2)
            }
            let firings = try await database.read { db in
                try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("audit_ledger")
                    .where("record_type", .equal, "workflow timer").where("action", .equal, "fire").first(decodingColumn: "n", as: Int.self)
            }
            #expect(firings == 40)
        }
    }

    @Test("A failing handler rolls back its effect with the firing; the timer is tried again 2 s later and fires once", arguments: TestDatabases.kinds)
    func retry(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let instanceId = try await Self.instance(database, timersAt: [0])
            let clock = SettableClock(Self.t0)
            let engine = WorkflowEngine(
                database: database, handlers: try Self.handlers(plant, failures: Countdown(1)), clock: clock.function, logger: Self.logger)
            let failed = try await engine.runDue().timers
            #expect(failed.fired.isEmpty && failed.failed.map(\.attempts) == [1])
            // The first failure waits 2¹ = 2 s.
            #expect(failed.failed.first?.retryAt == Self.t0.addingTimeInterval(2))
            #expect(try await Self.reminders(database, of: instanceId) == 0)
            clock.set(Self.t0.addingTimeInterval(1))
            #expect(try await engine.runDue().timers == TimerRound())
            clock.set(Self.t0.addingTimeInterval(2))
            #expect(try await engine.runDue().timers.fired.count == 1)
            #expect(try await Self.reminders(database, of: instanceId) == 1)
        }
    }

    @Test("A timer whose purpose this build has no handler for waits for one that has", arguments: TestDatabases.kinds)
    func unknownPurpose(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let instanceId = try await Self.instance(database, timersAt: [0])
            let older = WorkflowEngine(database: database, clock: { Self.t0 }, logger: Self.logger)
            let round = try await older.runDue()
            #expect(round.timers.failed.first?.error.contains("dds.remind") == true)
            let newer = WorkflowEngine(
                database: database, handlers: try Self.handlers(plant), clock: { Self.t0.addingTimeInterval(2) }, logger: Self.logger)
            #expect(try await newer.runDue().timers.fired.count == 1)
            #expect(try await Self.reminders(database, of: instanceId) == 1)
        }
    }

    @Test("The engine escalates an overdue task: due 14:00 CET, first level at once, none before", arguments: TestDatabases.kinds)
    func escalation(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            // Priority 2 on BREAD1 at 09:00 CET: due at the end of Early, 14:00 CET.
            let task = try await plant.open(
                HumanTaskInput(
                    type: "dds.action", title: "Fix the guide rail", assignee: .role(.maintenance), priority: .endOfShift, lineId: plant.bread.id,
                    escalation: TaskEscalationChain(levels: [TaskEscalationLevel(overdueSeconds: 0, notify: [.user("sam")])])),
                WorkflowStore(database: database, clock: { Self.t0 }))
            let clock = SettableClock(WorkflowFixture.at("2026-03-02T13:59:59+01:00"))
            let engine = WorkflowEngine(database: database, clock: clock.function, logger: Self.logger)
            #expect(try await engine.runDue().escalations.isEmpty)
            clock.set(WorkflowFixture.at("2026-03-02T14:00:00+01:00"))
            let round = try await engine.runDue()
            #expect(round.escalations.map(\.task.id) == [task.id] && round.escalations.first?.notify == [.user("sam")])
            #expect(try await engine.runDue().escalations.isEmpty)
        }
    }

    @Test("A signal taken is delivered through the handler of its purpose once; one without a handler waits for a build that has it", arguments: TestDatabases.kinds)
    func signals(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            let (released, unhandled) = try await store.transaction { transaction in
                var waits: [SignalWait] = []
                for purpose in ["batch.released", "batch.archived"] {
                    let instance = try await transaction.start(
                        WorkflowFixture.definition, firstStep: "await-release", subject: WorkflowSubject(recordType: "batch", recordId: "B-4711"))
                    waits.append(try await transaction.awaitSignal(.user("quality.release", at: plant.site.id), purpose: purpose, for: instance.id))
                }
                return (waits[0], waits[1])
            }
            for wait in [released, unhandled] {
                _ = try await store.send("quality.release", payload: [:], to: wait.instanceId, within: .everySite)
            }
            var handlers = SignalHandlers()
            try handlers.register("batch.released") { wait, transaction in
                _ = try await transaction.advance(wait.instanceId, to: "released")
            }
            let clock = SettableClock(Self.t0)
            let engine = WorkflowEngine(database: database, signalHandlers: handlers, clock: clock.function, logger: Self.logger)
            let round = try await engine.runDue().signals
            #expect(round.delivered.map(\.id) == [released.id])
            #expect(round.failed.map(\.wait.id) == [unhandled.id] && round.failed.first?.error.contains("batch.archived") == true)
            #expect(try await store.instance(released.instanceId).currentStep == "released")
            // t0 + 2 s: the unhandled one is tried again and fails again; the delivered one stays delivered.
            clock.set(Self.t0.addingTimeInterval(2))
            let again = try await engine.runDue().signals
            #expect(again.delivered.isEmpty && again.failed.map(\.attempts) == [2])
        }
    }

    @Test("A purpose is a key and has one handler, for timers and signals alike")
    func registration() throws {
        var handlers = TimerHandlers()
        try handlers.register("window.close") { _, _ in }
        #expect(throws: DomainError.self) { try handlers.register("window.close") { _, _ in } }
        #expect(throws: DomainError.self) { try handlers.register("not a key") { _, _ in } }
        #expect(handlers.purposes == ["window.close"])
        var signalHandlers = SignalHandlers()
        try signalHandlers.register("guard.closed") { _, _ in }
        #expect(throws: DomainError.self) { try signalHandlers.register("guard.closed") { _, _ in } }
        #expect(signalHandlers.purposes == ["guard.closed"])
    }
}

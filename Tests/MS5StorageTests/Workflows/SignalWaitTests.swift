import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// Signal waits in the database, on the fixture plant (site BAK1, one line, one equipment), from
/// Monday 2026-03-02 09:00 CET (t0). Machine events are written to the outbox as the ingest
/// pipeline writes them; the follower's batches are read back from it.
@Suite("Workflow signal waits")
struct SignalWaitTests {
    static let t0 = WorkflowFixture.monday
    static let subject = WorkflowSubject(recordType: "centerline.deviation", recordId: "EQ1@2026-03-02T08:00:00Z")

    struct Refused: Error {}

    /// An instance waiting for `matcher` with the purpose `guard.closed`, started at t0.
    static func waiting(_ store: WorkflowStore, for matcher: SignalMatcher) async throws -> SignalWait {
        try await store.transaction { transaction in
            let instance = try await transaction.start(WorkflowFixture.definition, firstStep: "await-guard", subject: subject)
            return try await transaction.awaitSignal(matcher, purpose: "guard.closed", for: instance.id)
        }
    }

    /// Writes a state change of `equipment` from `from` into `into`, opened at `at`.
    static func publishChange(_ database: Database, _ plant: PlantFixture, from: MachineState, into: MachineState, at: Date) async throws {
        let change = StateChange(
            closed: StateInterval(state: from, mode: .production, start: at.addingTimeInterval(-60), end: at),
            opened: StateInterval(state: into, mode: .production, start: at), confirmedAt: at)
        try await Outbox(database: database).publish([
            try CanonicalEvent.stateChanged(
                change, equipmentId: plant.equipment.id,
                placement: EventPlacement(siteId: plant.site.id, lineId: plant.line.id, equipmentId: plant.equipment.id)),
        ])
    }

    /// Every event in the outbox, as the follower hands them over.
    static func outbox(_ database: Database) async throws -> [RecordedEvent] {
        try await EventLog(database: database).events(after: 0, limit: 1000)
    }

    static func count(_ database: Database, _ type: EventType) async throws -> Int {
        try await EventLog(database: database).count(matching: EventFilter(types: [type]))
    }

    @Test("A state change into the state waited for is taken and delivered once, with its audit entry and event", arguments: TestDatabases.kinds)
    func stateChange(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let clock = SettableClock(Self.t0)
            let store = WorkflowStore(database: database, clock: clock.function)
            // An event before the wait began does not count for it.
            try await Self.publishChange(database, plant, from: .held, into: .running, at: Self.t0.addingTimeInterval(-30))
            let wait = try await Self.waiting(store, for: .stateChange(of: plant.equipment.id, into: .running))
            #expect(wait.siteId == plant.site.id && wait.lineId == plant.line.id)
            // After it: into held (not the state waited for), then into running 10 s later.
            try await Self.publishChange(database, plant, from: .running, into: .held, at: Self.t0.addingTimeInterval(5))
            try await Self.publishChange(database, plant, from: .held, into: .running, at: Self.t0.addingTimeInterval(10))
            let events = try await Self.outbox(database)
            #expect(try await store.takeSignals(from: Array(events.prefix(2))).isEmpty)
            let taken = try await store.takeSignals(from: events)
            #expect(taken.map(\.id) == [wait.id] && taken.first?.signal?.state == .running)
            #expect(taken.first?.signal?.at == Self.t0.addingTimeInterval(10) && taken.first?.signal?.eventId == events[2].event.id)
            // The same batch handed over again (after a crash) gives the wait nothing more.
            #expect(try await store.takeSignals(from: events).isEmpty)

            let round = try await store.deliverTaken { delivered, _ in
                #expect(delivered.id == wait.id && delivered.deliveredAt == Self.t0)
            }
            #expect(round.delivered.map(\.id) == [wait.id] && round.failed.isEmpty)
            #expect(try await store.deliverTaken { _, _ in Issue.record("delivered twice") } == SignalRound())
            #expect(try await Self.count(database, .workflowSignalDelivered) == 1)
            let audit = try await database.read { db in
                try await db.select().column("action").from("audit_ledger").where("record_type", .equal, "workflow signal wait")
                    .orderBy("sequence").all(decodingColumn: "action", as: String.self)
            }
            #expect(audit == ["await", "take signal", "deliver"])
        }
    }

    @Test("A fault of another code, a cleared fault and another equipment's change leave the wait waiting", arguments: TestDatabases.kinds)
    func notMatching(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let other = try await PlantFixture.make(database, siteCode: "BAK2")
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            let wait = try await Self.waiting(store, for: .fault(of: plant.equipment.id, code: "F12"))
            let placement = EventPlacement(siteId: plant.site.id, lineId: plant.line.id, equipmentId: plant.equipment.id)
            func fault(_ code: String, _ edge: FaultEdge) throws -> CanonicalEvent {
                let definition = FaultDefinition(
                    word: 0, bit: 3, code: code, text: "Jam at infeed", severity: 3, kind: .fault, source: .internal)
                return try CanonicalEvent.fault(
                    FaultEvent(definition: definition, edge: edge, at: Self.t0, raisedAt: Self.t0, duration: nil, firstOut: true, isUncatalogued: false),
                    equipmentId: plant.equipment.id, placement: placement)
            }
            try await Outbox(database: database).publish([try fault("F7", .raised), try fault("F12", .cleared)])
            try await Self.publishChange(database, other, from: .held, into: .running, at: Self.t0)
            #expect(try await store.takeSignals(from: try await Self.outbox(database)).isEmpty)
            try await Outbox(database: database).publish([try fault("F12", .raised)])
            #expect(try await store.takeSignals(from: try await Self.outbox(database)).map(\.id) == [wait.id])
        }
    }

    @Test("100 more pieces than when the wait began: 99 are not enough, 100 are", arguments: TestDatabases.kinds)
    func count(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let total = try await MetricRepository(database: database).create(equipmentId: plant.equipment.id, MetricInput(
                key: "total", name: "Total", role: .counterTotal, connector: .logix, address: "Count_Total.ACC", dataType: "DINT"))
            func sample(_ offset: TimeInterval, _ value: Double) async throws {
                try await database.transaction { db in
                    try await TestSamples.insert(db, metricId: total.id, at: Self.t0.addingTimeInterval(offset), value: value)
                }
            }
            // The counter stands at 65 500 before the wait begins at t0.
            try await sample(-10, 65_500)
            let clock = SettableClock(Self.t0)
            let store = WorkflowStore(database: database, clock: clock.function)
            let wait = try await Self.waiting(store, for: .count(of: plant.equipment.id, reaching: 100))
            // t0 + 30 s: 65 535, 35 pieces; t0 + 60 s: rolled over at 65 536 to 63: 35 + 1 + 63 = 99 pieces.
            try await sample(30, 65_535)
            try await sample(60, 63)
            clock.set(Self.t0.addingTimeInterval(61))
            #expect(try await store.takeCounts().isEmpty)
            // t0 + 90 s: 64, the 100th piece.
            try await sample(90, 64)
            clock.set(Self.t0.addingTimeInterval(91))
            let taken = try await store.takeCounts()
            #expect(taken.map(\.id) == [wait.id] && taken.first?.signal?.pieces == 100)
            #expect(try await store.takeCounts().isEmpty)
            #expect(try await store.deliverTaken { _, _ in }.delivered.map(\.id) == [wait.id])
        }
    }

    @Test("A failing handler rolls back its effect with the delivery; it is tried again 2 s later and delivered once", arguments: TestDatabases.kinds)
    func retry(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let clock = SettableClock(Self.t0)
            let store = WorkflowStore(database: database, clock: clock.function)
            let wait = try await Self.waiting(store, for: .stateChange(of: plant.equipment.id))
            try await Self.publishChange(database, plant, from: .held, into: .running, at: Self.t0)
            _ = try await store.takeSignals(from: try await Self.outbox(database))
            // The handler moves the instance on, then fails: the move rolls back with the delivery.
            let failed = try await store.deliverTaken { wait, transaction in
                _ = try await transaction.advance(wait.instanceId, to: "guard-closed")
                throw Refused()
            }
            #expect(failed.delivered.isEmpty && failed.failed.map(\.attempts) == [1])
            // The first failure waits 2¹ = 2 s, as a timer's does.
            #expect(failed.failed.first?.retryAt == Self.t0.addingTimeInterval(2))
            #expect(try await store.instance(wait.instanceId).currentStep == "await-guard")
            #expect(try await Self.count(database, .workflowSignalDelivered) == 0)
            clock.set(Self.t0.addingTimeInterval(1))
            #expect(try await store.deliverTaken { _, _ in Issue.record("tried before its time") } == SignalRound())
            clock.set(Self.t0.addingTimeInterval(2))
            let round = try await store.deliverTaken { wait, transaction in
                _ = try await transaction.advance(wait.instanceId, to: "guard-closed")
            }
            #expect(round.delivered.map(\.id) == [wait.id])
            #expect(try await store.instance(wait.instanceId).currentStep == "guard-closed")
            #expect(try await Self.count(database, .workflowSignalDelivered) == 1)
        }
    }

    @Test("Two handles on one database, delivering at once, deliver each of 30 signals exactly once", arguments: TestDatabases.kinds)
    func twoInstances(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            for _ in 0..<30 { _ = try await Self.waiting(store, for: .stateChange(of: plant.equipment.id)) }
            try await Self.publishChange(database, plant, from: .held, into: .running, at: Self.t0)
            #expect(try await store.takeSignals(from: try await Self.outbox(database)).count == 30)
            let delivered = try await TestDatabases.withSecondHandle(to: database) { other in
                let second = WorkflowStore(database: other, clock: { Self.t0 })
                async let a = store.deliverTaken { _, _ in }
                async let b = second.deliverTaken { _, _ in }
                return try await a.delivered + b.delivered
            }
            // 30 waits, no id twice; one event each.
            #expect(delivered.count == 30 && Set(delivered.map(\.id)).count == 30)
            #expect(try await Self.count(database, .workflowSignalDelivered) == 30)
        }
    }

    @Test("A timeout ends the wait unanswered; a signal first cancels the timeout; an ended instance's waits are cancelled", arguments: TestDatabases.kinds)
    func timeout(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let clock = SettableClock(Self.t0)
            let store = WorkflowStore(database: database, clock: clock.function)
            let (timedOut, answered) = try await store.transaction { transaction in
                var waits: [SignalWait] = []
                for (step, timeout) in [("await-guard", 60.0), ("await-release", 120.0)] {
                    let instance = try await transaction.start(WorkflowFixture.definition, firstStep: step, subject: Self.subject)
                    waits.append(try await transaction.awaitSignal(
                        .stateChange(of: plant.equipment.id), purpose: "guard.closed", for: instance.id,
                        timeout: (purpose: "guard.timeout", at: Self.t0.addingTimeInterval(timeout))))
                }
                return (waits[0], waits[1])
            }
            // t0 + 60 s: the first instance's timeout fires before any signal came.
            clock.set(Self.t0.addingTimeInterval(60))
            let fired = try await store.fireDue { _, _ in }
            #expect(fired.fired.map(\.id) == [try #require(timedOut.timeoutTimerId)])
            #expect(try await store.transaction { try await $0.signalWaits(of: timedOut.instanceId) }.isEmpty)
            // The second instance's wait takes a change at t0 + 30 s, before its timeout: delivery cancels the timer.
            try await Self.publishChange(database, plant, from: .held, into: .running, at: Self.t0.addingTimeInterval(30))
            #expect(try await store.takeSignals(from: try await Self.outbox(database)).map(\.id) == [answered.id])
            #expect(try await store.deliverTaken { _, _ in }.delivered.map(\.id) == [answered.id])
            #expect(try await store.timers(of: answered.instanceId).isEmpty)
            // t0 + 120 s: its timeout would have come due, but was cancelled.
            clock.set(Self.t0.addingTimeInterval(120))
            #expect(try await store.fireDue { _, _ in } == TimerRound())

            let ended = try await Self.waiting(store, for: .user("quality.release", at: plant.site.id))
            _ = try await store.transaction { try await $0.finish(ended.instanceId, as: .cancelled) }
            #expect(try await store.transaction { try await $0.signalWaits(of: ended.instanceId) }.isEmpty)
        }
    }

    @Test("A wait is refused for an equipment that does not exist, a bad purpose or matcher, and an ended instance", arguments: TestDatabases.kinds)
    func refusals(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            let instance = try await store.transaction {
                try await $0.start(WorkflowFixture.definition, firstStep: "await-guard", subject: Self.subject)
            }
            func refusal(_ matcher: SignalMatcher, purpose: String = "guard.closed") async -> [String] {
                do {
                    _ = try await store.transaction { try await $0.awaitSignal(matcher, purpose: purpose, for: instance.id) }
                    return []
                } catch let error as DomainError {
                    return error.violations.map(\.field)
                } catch {
                    return ["\(error)"]
                }
            }
            #expect(await refusal(.stateChange(of: UUID())) == ["/matcher/equipmentId"])
            #expect(await refusal(.stateChange(of: plant.equipment.id), purpose: "not a key") == ["/purpose"])
            #expect(await refusal(.count(of: plant.equipment.id, reaching: 0)) == ["/matcher/pieces"])
            #expect(await refusal(.user("not a key", at: plant.site.id)) == ["/matcher/name"])
            #expect(await refusal(SignalMatcher(kind: .fault, equipmentId: plant.equipment.id, state: .running)) == ["/matcher/state"])
            _ = try await store.transaction { try await $0.finish(instance.id, as: .completed) }
            await #expect(throws: DomainError.self) {
                try await store.transaction { try await $0.awaitSignal(.stateChange(of: plant.equipment.id), purpose: "guard.closed", for: instance.id) }
            }
        }
    }
}

import Foundation
import Logging
import MS5Domain
import MS5Events
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

/// The outbox consumer `workflow-signals` on the fixture plant (site BAK1, one equipment), from
/// Monday 2026-03-02 09:00 CET (t0): instances wait for the equipment's state changes, and the
/// follower hands the changes written to the outbox to the waits.
@Suite("Workflow signal follower")
struct WorkflowSignalFollowerTests {
    static let t0 = WorkflowFixture.monday
    static let logger: Logger = {
        var logger = Logger(label: "ms5.test.signals")
        logger.logLevel = .error
        return logger
    }()

    /// An instance waiting for a change of `equipmentId` into `state`.
    static func waiting(_ store: WorkflowStore, _ equipmentId: UUID, into state: MachineState) async throws -> SignalWait {
        try await store.transaction { transaction in
            let instance = try await transaction.start(
                WorkflowFixture.definition, firstStep: "await-\(state.rawValue)",
                subject: WorkflowSubject(recordType: "equipment", recordId: equipmentId.uuidString))
            return try await transaction.awaitSignal(.stateChange(of: equipmentId, into: state), purpose: "state.reached", for: instance.id)
        }
    }

    /// Writes a change of the plant's equipment into `state` at t0 + `offset` seconds.
    static func publishChange(_ database: Database, _ plant: PlantFixture, into state: MachineState, at offset: TimeInterval) async throws {
        let at = t0.addingTimeInterval(offset)
        let change = StateChange(closed: nil, opened: StateInterval(state: state, mode: .production, start: at), confirmedAt: at)
        try await Outbox(database: database).publish([
            try CanonicalEvent.stateChanged(
                change, equipmentId: plant.equipment.id,
                placement: EventPlacement(siteId: plant.site.id, lineId: plant.line.id, equipmentId: plant.equipment.id)),
        ])
    }

    /// The wait `id` as stored now.
    static func wait(_ store: WorkflowStore, _ wait: SignalWait) async throws -> SignalWait? {
        try await store.transaction { try await $0.signalWaits(of: wait.instanceId) }.first
    }

    /// Runs a follower holding the lease as `holder` while `body` runs.
    static func following<R: Sendable>(
        _ database: Database, as holder: String, _ body: () async throws -> R
    ) async throws -> R {
        let follower = WorkflowSignalFollower(database: database, holder: holder, clock: { t0 }, logger: logger)
        let task = Task { await follower.follow() }
        defer { task.cancel() }
        let result = try await body()
        task.cancel()
        await task.value
        return result
    }

    static func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("Timed out waiting until \(what)")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test("A restart resumes from the stored position: a change committed while ms5 was down is taken, none twice", arguments: TestDatabases.kinds)
    func restart(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            let log = EventLog(database: database)
            // Both waits begin before the consumer ever ran: it starts where the older began.
            let running = try await Self.waiting(store, plant.equipment.id, into: .running)
            let held = try await Self.waiting(store, plant.equipment.id, into: .held)
            try await Self.following(database, as: "first") {
                try await Self.publishChange(database, plant, into: .running, at: 10)
                try await Self.eventually("the running wait took its signal and the position passed it") {
                    let took = try await Self.wait(store, running)?.signal != nil
                    let (position, head) = (try await log.position(of: WorkflowSignalFollower.consumer), try await log.head())
                    return took && position == head
                }
            }
            // ms5 is down: a change into held commits (position 2).
            try await Self.publishChange(database, plant, into: .held, at: 20)
            #expect(try await Self.wait(store, held)?.signal == nil)
            #expect(try await log.position(of: WorkflowSignalFollower.consumer) == 1)
            try await Self.following(database, as: "second") {
                try await Self.eventually("the held wait took the change made while down") {
                    let took = try await Self.wait(store, held)?.signal != nil
                    let position = try await log.position(of: WorkflowSignalFollower.consumer)
                    return took && position == 2
                }
            }
            #expect(try await Self.wait(store, running)?.signal?.at == Self.t0.addingTimeInterval(10))
            #expect(try await Self.wait(store, held)?.signal?.at == Self.t0.addingTimeInterval(20))
            // Each wait took one signal: one audit entry each.
            let takings = try await database.read { db in
                try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("audit_ledger")
                    .where("record_type", .equal, "workflow signal wait").where("action", .equal, "take signal").first(decodingColumn: "n", as: Int.self)
            }
            #expect(takings == 2)
            #expect(try await store.deliverTaken { _, _ in }.delivered.count == 2)
        }
    }

    @Test("Two followers on one database, running at once, give each of 20 waits its signal exactly once", arguments: TestDatabases.kinds)
    func twoFollowers(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let store = WorkflowStore(database: database, clock: { Self.t0 })
            var waits: [SignalWait] = []
            for _ in 0..<20 { waits.append(try await Self.waiting(store, plant.equipment.id, into: .running)) }
            try await TestDatabases.withSecondHandle(to: database) { other in
                try await Self.following(database, as: "first") {
                    try await Self.following(other, as: "second") {
                        // Running twice: only the first change into running is each wait's signal.
                        try await Self.publishChange(database, plant, into: .running, at: 10)
                        try await Self.publishChange(database, plant, into: .running, at: 20)
                        try await Self.eventually("every wait took a signal") {
                            try await EventLog(database: database).position(of: WorkflowSignalFollower.consumer) == 2
                        }
                    }
                }
            }
            for wait in waits {
                #expect(try await Self.wait(store, wait)?.signal?.at == Self.t0.addingTimeInterval(10))
            }
            let takings = try await database.read { db in
                try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("audit_ledger")
                    .where("record_type", .equal, "workflow signal wait").where("action", .equal, "take signal").first(decodingColumn: "n", as: Int.self)
            }
            #expect(takings == 20)
        }
    }
}

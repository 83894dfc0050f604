import Foundation
import MS5Domain
@testable import MS5Storage
import MS5TestSupport
import SQLKit
import Synchronization
import Testing

@Suite("Outbox")
struct OutboxTests {
    struct Refused: Error {}

    @Test("A change writes its event in its own transaction: the event carries the change, placed in the plant", arguments: TestDatabases.kinds)
    func eventWithTheChange(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            // Whole seconds: event JSON keeps milliseconds, so the decoded call equals the stored one.
            let calls = AndonCallStore(database: database, clock: { Date(timeIntervalSince1970: 1_800_000_000) })
            let raised = try await calls.raise(
                AndonCallInput(lineId: plant.line.id, equipmentId: plant.equipment.id, category: .quality, priority: .high, text: "Seal open"), by: "op")
            let acknowledged = try await calls.act(raised.call.id, AndonCallAction(status: .acknowledged), by: "lead")

            let log = EventLog(database: database)
            let events = try await log.events(after: 0, limit: 10)
            #expect(events.map(\.position) == [1, 2])
            #expect(events.map(\.event.type) == [.andonTriggered, .andonAcknowledged])
            #expect(events.allSatisfy { $0.event.aggregateId == raised.call.id && $0.event.subject == "andon-call/\(raised.call.id.uuidString.lowercased())" })
            #expect(events[0].event.placement == EventPlacement(siteId: plant.site.id, lineId: plant.line.id, equipmentId: plant.equipment.id))
            #expect(try EventData.decode(AndonEvent.self, from: events[1].event.data) == acknowledged)
            #expect(events[1].event.time == acknowledged.call.acknowledgedAt)
            #expect(try await log.head() == 2)
        }
    }

    @Test("A change that rolls back leaves no event and no position used", arguments: TestDatabases.kinds)
    func rollbackLeavesNoEvent(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let change = StateChange(closed: nil, opened: StateInterval(state: .running, mode: .production, start: Date(timeIntervalSince1970: 1_800_000_000)), confirmedAt: Date(timeIntervalSince1970: 1_800_000_000))
            let event = try CanonicalEvent.stateChanged(change, equipmentId: plant.equipment.id, placement: EventPlacement(siteId: plant.site.id))
            await #expect(throws: Refused.self) {
                try await database.transaction { db in
                    try await Outbox.append(db, event)
                    throw Refused()
                }
            }
            // An Andon call naming equipment of another line is refused before anything is written.
            await #expect(throws: DomainError.self) {
                _ = try await AndonCallStore(database: database).raise(
                    AndonCallInput(lineId: plant.line.id, equipmentId: UUID(), category: .quality, priority: .high, text: "x"), by: "op")
            }
            let log = EventLog(database: database)
            #expect(try await log.events(after: 0, limit: 10).isEmpty)
            #expect(try await log.head() == 0)
            try await Outbox(database: database).publish([event])
            #expect(try await log.events(after: 0, limit: 10).map(\.position) == [1])
        }
    }

    @Test("Concurrent writers: positions are gap-free and a reader never sees a later one before an earlier one", arguments: TestDatabases.kinds)
    func commitOrder(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let placement = EventPlacement(siteId: plant.site.id, lineId: plant.line.id, equipmentId: plant.equipment.id)
            let log = EventLog(database: database)
            let writers = 20, perWriter = 5
            let finished = Atomic<Bool>(false)
            // The reader follows as a consumer would: every read must continue exactly after the last
            // position it saw, with no position skipped.
            let reader = Task<[Int64], any Error> {
                var seen: [Int64] = []
                while seen.count < writers * perWriter {
                    let batch = try await log.events(after: seen.last ?? 0, limit: 1000).map(\.position)
                    seen += batch
                    if batch.isEmpty, finished.load(ordering: .acquiring), try await log.head() == Int64(seen.count) { break }
                }
                return seen
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        let events = try (0..<perWriter).map { index in
                            try CanonicalEvent(
                                type: .machineFault, time: Date(timeIntervalSince1970: Double(writer * 100 + index)), subjectKind: "equipment",
                                aggregateId: plant.equipment.id, placement: placement, data: ["writer": writer, "index": index])
                        }
                        try await database.transaction { db in
                            try await Outbox.append(db, events)
                        }
                    }
                }
                try await group.waitForAll()
            }
            finished.store(true, ordering: .releasing)
            let seen = try await reader.value
            #expect(seen == Array(1...Int64(writers * perWriter)))
            // Each transaction's events are consecutive: its writer holds the head until it commits.
            let all = try await log.events(after: 0, limit: 1000)
            let writerOf = try all.map { try EventData.decode([String: Int].self, from: $0.event.data)["writer"] ?? -1 }
            for start in stride(from: 0, to: writerOf.count, by: perWriter) {
                #expect(Set(writerOf[start..<start + perWriter]).count == 1)
            }
        }
    }

    @Test("A consumer's lease: one holder at a time, taken over once it runs out, and a lost lease moves nothing", arguments: TestDatabases.kinds)
    func lease(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
            let clock: @Sendable () -> Date = { now.withLock { $0 } }
            let first = ConsumerLease(database: database, consumer: "kafka", holder: "a", length: .seconds(10), clock: clock)
            let second = ConsumerLease(database: database, consumer: "kafka", holder: "b", length: .seconds(10), clock: clock)
            #expect(try await first.acquire(startingAt: 7) == 7)
            #expect(try await second.acquire(startingAt: 0) == nil)
            #expect(try await first.advance(to: 12))
            now.withLock { $0 += 9 }
            #expect(try await first.acquire(startingAt: 0) == 12)  // renewed: now runs to +19 s
            now.withLock { $0 += 9 }
            #expect(try await second.acquire(startingAt: 0) == nil)
            now.withLock { $0 += 2 }  // +20 s: the renewed lease ran out at +19 s
            #expect(try await second.acquire(startingAt: 0) == 12)
            #expect(try await first.advance(to: 20) == false)
            #expect(try await EventLog(database: database).position(of: "kafka") == 12)
            try await second.release()
            #expect(try await first.acquire(startingAt: 0) == 12)
        }
    }
}

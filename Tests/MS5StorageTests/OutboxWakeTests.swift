import Foundation
import MS5Domain
@testable import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Outbox wake-up")
struct OutboxWakeTests {
    struct Refused: Error {}

    @Test("A commit that wrote events wakes a waiting follower at once; other commits and rollbacks do not count", arguments: TestDatabases.kinds)
    func wakesOnCommit(_ kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let event = try CanonicalEvent(
                type: .machineFault, time: Date(timeIntervalSince1970: 1_800_000_000), subjectKind: "equipment", aggregateId: plant.equipment.id,
                placement: EventPlacement(siteId: plant.site.id), data: ["index": 1])
            let log = EventLog(database: database)
            let mark = log.commitMark
            // The wait answers whether a commit ended it, not its limit.
            let waiting = Task { await log.waitForEvents(after: mark, upTo: .seconds(300)) }
            try await database.transaction { db in try await db.raw("UPDATE outbox_head SET position = position WHERE id = 1").run() }
            await #expect(throws: Refused.self) {
                try await database.transaction { db in
                    try await Outbox.append(db, event)
                    throw Refused()
                }
            }
            #expect(log.commitMark == mark)
            try await Outbox(database: database).publish([event])
            #expect(await waiting.value)
            #expect(log.commitMark == mark + 1)
            // A mark taken before a commit ends the next wait at once.
            #expect(await log.waitForEvents(after: mark, upTo: .seconds(300)))
        }
    }

    @Test("On PostgreSQL another instance's commit wakes this one's followers while it listens")
    func wakesOnOtherInstancesCommit() async throws {
        guard TestDatabases.kinds.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { database in
            let log = EventLog(database: database)
            let mark = log.commitMark
            let listening = Task { try await log.listenForCommits() }
            defer { listening.cancel() }
            let waiting = Task { await log.waitForEvents(after: mark, upTo: .seconds(300)) }
            // The notification another instance's commit sends, without this process's own wake-up;
            // sent until it is heard, since the listener may not be listening yet.
            while log.commitMark == mark {
                try await database.notify(channel: "ms5_outbox", payload: "")
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await waiting.value)
        }
    }

    @Test("On PostgreSQL a transaction that wrote events wakes the followers of another instance once it commits")
    func commitNotifiesOtherInstances() async throws {
        guard TestDatabases.kinds.contains(.postgres) else { return }
        try await TestDatabases.with(.postgres) { database in
            let plant = try await PlantFixture.make(database)
            let event = try CanonicalEvent(
                type: .machineFault, time: Date(timeIntervalSince1970: 1_800_000_000), subjectKind: "equipment", aggregateId: plant.equipment.id,
                placement: EventPlacement(siteId: plant.site.id), data: ["index": 1])
            try await TestDatabases.withSecondHandle(to: database) { other in
                let log = EventLog(database: other)
                let mark = log.commitMark
                let listening = Task { try await log.listenForCommits() }
                defer { listening.cancel() }
                let waiting = Task { await log.waitForEvents(after: mark, upTo: .seconds(300)) }
                // Published until heard, since the listener may not be listening yet.
                while log.commitMark == mark {
                    var fresh = event
                    fresh.id = UUID()
                    try await Outbox(database: database).publish([fresh])
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(await waiting.value)
            }
        }
    }
}

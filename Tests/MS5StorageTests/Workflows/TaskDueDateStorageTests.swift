import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import Testing

/// Due dates of tasks opened through storage, from each line's shift pattern and the site's time
/// zone as the database holds them (``WorkflowFixture``: Europe/Berlin, CET = UTC+1 until Sunday
/// 2026-03-29 02:00 CET, CEST = UTC+2 after).
@Suite("Workflow task due dates through storage")
struct TaskDueDateStorageTests {
    static func input(_ priority: TaskPriority, lineId: UUID? = nil, siteId: UUID? = nil) -> HumanTaskInput {
        HumanTaskInput(
            type: "dds.action", title: "Replace the worn guide rail", assignee: .role(.maintenance), priority: priority, lineId: lineId,
            siteId: siteId)
    }

    @Test("priority 2 on BREAD1 across the Early/Late boundary; priority 1 an hour; priority 3 in a night shift; 6 none", arguments: TestDatabases.kinds)
    func shiftBoundary(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let clock = SettableClock(WorkflowFixture.at("2026-03-02T13:59:59+01:00"))
            let store = WorkflowStore(database: database, clock: clock.function)
            let tasks = HumanTaskStore(database: database)

            // Monday 13:59:59 CET is in Early (06:00–14:00): due at 14:00:00, one second later.
            let lastSecond = try await plant.open(Self.input(.endOfShift, lineId: plant.bread.id), store)
            #expect(lastSecond.dueAt == WorkflowFixture.at("2026-03-02T14:00:00+01:00"))
            #expect(lastSecond.dueAt?.timeIntervalSince(clock.now) == 1)
            #expect(lastSecond.siteId == plant.site.id && lastSecond.lineId == plant.bread.id)
            #expect(try await tasks.get(lastSecond.id) == lastSecond)

            // At 14:00:00 Late is in progress ([14:00, 22:00)): due at 22:00, 8 h = 28800 s later.
            clock.set(WorkflowFixture.at("2026-03-02T14:00:00+01:00"))
            let nextShift = try await plant.open(Self.input(.endOfShift, lineId: plant.bread.id), store)
            #expect(nextShift.dueAt?.timeIntervalSince(clock.now) == 28_800)
            // Priority 1: 14:00 + 3600 s = 15:00 CET.
            let direct = try await plant.open(Self.input(.direct, lineId: plant.bread.id), store)
            #expect(direct.dueAt == WorkflowFixture.at("2026-03-02T15:00:00+01:00"))
            let none = try await plant.open(Self.input(.noDueDate, lineId: plant.bread.id), store)
            #expect(none.dueAt == nil)

            // Monday 23:30 CET is in Night (Mon 22:00 → Tue 06:00): end of day is the end of that
            // shift, Tue 06:00 CET = 05:00Z, 6.5 h = 23400 s later — not midnight, with the crew still at work.
            clock.set(WorkflowFixture.at("2026-03-02T23:30:00+01:00"))
            let night = try await plant.open(Self.input(.endOfDay, lineId: plant.bread.id), store)
            #expect(night.dueAt == WorkflowFixture.at("2026-03-03T05:00:00Z"))
            #expect(night.dueAt?.timeIntervalSince(clock.now) == 23_400)

            // PACK1 has no shifts: its shift is the local day, so priority 2 at Monday 10:00 CET is
            // due at Tuesday 00:00 CET = Monday 23:00Z.
            clock.set(WorkflowFixture.at("2026-03-02T10:00:00+01:00"))
            let packing = try await plant.open(Self.input(.endOfShift, lineId: plant.packing.id), store)
            #expect(packing.dueAt == WorkflowFixture.at("2026-03-02T23:00:00Z"))
        }
    }

    @Test("across the spring-forward night: a 7-hour night shift, a 23-hour day, a 167-hour week", arguments: TestDatabases.kinds)
    func daylightSaving(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let clock = SettableClock(WorkflowFixture.at("2026-03-28T23:00:00+01:00"))
            let store = WorkflowStore(database: database, clock: clock.function)

            // ROLL1 works every night. Saturday's Night runs Sat 22:00 CET → Sun 06:00 CEST = 04:00Z;
            // raised at 23:00 CET = 22:00Z it is due 6 h = 21600 s later (the clocks skip 02:00 → 03:00).
            let night = try await plant.open(Self.input(.endOfShift, lineId: plant.rolls.id), store)
            #expect(night.dueAt == WorkflowFixture.at("2026-03-29T04:00:00Z"))
            #expect(night.dueAt?.timeIntervalSince(clock.now) == 21_600)

            // A task of the whole site has no shifts: at Sunday 01:00 CET = 00:00Z, end of day is
            // Monday 00:00 CEST = Sunday 22:00Z, 22 h = 79200 s later (the day is 23 h long).
            clock.set(WorkflowFixture.at("2026-03-29T01:00:00+01:00"))
            let siteTask = try await plant.open(Self.input(.endOfDay, siteId: plant.site.id), store)
            #expect(siteTask.lineId == nil && siteTask.siteId == plant.site.id)
            #expect(siteTask.dueAt == WorkflowFixture.at("2026-03-29T22:00:00Z"))
            #expect(siteTask.dueAt?.timeIntervalSince(clock.now) == 79_200)

            // Priority 4 on Monday 23 March 09:00 CET = 08:00Z: Monday 30 March 09:00 CEST = 07:00Z,
            // 167 h = 601200 s later.
            clock.set(WorkflowFixture.at("2026-03-23T09:00:00+01:00"))
            let week = try await plant.open(Self.input(.withinWeek, lineId: plant.bread.id), store)
            #expect(week.dueAt == WorkflowFixture.at("2026-03-30T07:00:00Z"))
            #expect(week.dueAt?.timeIntervalSince(clock.now) == 601_200)
        }
    }

    @Test("an input naming no place, both places, an unknown line or an unknown account is refused by field", arguments: TestDatabases.kinds)
    func refusedInput(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let store = WorkflowStore(database: database, clock: { WorkflowFixture.monday })
            func fields(_ input: HumanTaskInput) async -> [String] {
                do {
                    _ = try await plant.open(input, store)
                    return []
                } catch {
                    return (error as? DomainError)?.violations.map(\.field) ?? ["\(error)"]
                }
            }
            #expect(await fields(Self.input(.direct)) == ["/lineId"])
            #expect(await fields(Self.input(.direct, lineId: plant.bread.id, siteId: plant.site.id)) == ["/lineId"])
            #expect(await fields(Self.input(.direct, lineId: UUID())) == ["/lineId"])
            var unknownUser = Self.input(.direct, lineId: plant.bread.id)
            unknownUser.assignee = .user("nobody")
            #expect(await fields(unknownUser) == ["/assignee"])
            var unknownTeam = Self.input(.direct, lineId: plant.bread.id)
            unknownTeam.assignee = .team("MAINT-Z")
            #expect(await fields(unknownTeam) == ["/assignee"])
            var badChain = Self.input(.direct, lineId: plant.bread.id)
            badChain.escalation = TaskEscalationChain(levels: [TaskEscalationLevel(overdueSeconds: -1, notify: [])])
            #expect(await fields(badChain) == ["/escalation/levels/0/overdueSeconds", "/escalation/levels/0/notify"])
            // Nothing of the refused inputs was kept: not even their instances' tasks.
            #expect(try await HumanTaskStore(database: database).list(HumanTaskFilter(status: .all), PageRequest()).items.isEmpty)
        }
    }
}

import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import Testing

/// Lists of tasks by state, person, line and type, paged. Seven tasks are opened on Monday
/// 2026-03-02 09:00 CET; their due dates (BREAD1 works 3×8 Mon–Fri, PACK1 has no shifts):
/// - a BREAD1 priority 1: 10:00 CET; f PACK1 priority 1: 10:00 CET; g OVEN1 (site BAK2) priority 1: 10:00 CET
/// - b BREAD1 priority 2: end of Early, 14:00 CET
/// - c BREAD1 priority 3: end of the day, Tuesday 00:00 CET
/// - e BREAD1 priority 4, for ben only: 7 days later, Monday 9 March 09:00 CET
/// - d BREAD1 priority 6: no due date, so last
@Suite("Workflow task lists")
struct HumanTaskVisibilityTests {
    struct Opened {
        let byName: [String: HumanTask]
        /// The names in list order: due date, then id for the three due at 10:00.
        var ordered: [String] {
            byName.sorted { lhs, rhs in
                let left = lhs.value.dueAt ?? .distantFuture, right = rhs.value.dueAt ?? .distantFuture
                return left != right ? left < right : lhs.value.id.uuidString.lowercased() < rhs.value.id.uuidString.lowercased()
            }.map(\.key)
        }
    }

    static func openSeven(_ plant: WorkflowFixture, _ database: Database) async throws -> Opened {
        let store = WorkflowStore(database: database, clock: { WorkflowFixture.monday })
        func input(_ priority: TaskPriority, _ line: Line, type: String = "cil.routine", for assignee: TaskAssignee = .role(.maintenance)) -> HumanTaskInput {
            HumanTaskInput(type: type, title: "Task", assignee: assignee, priority: priority, lineId: line.id)
        }
        var byName: [String: HumanTask] = [:]
        for (name, task) in [
            ("a", input(.direct, plant.bread)), ("b", input(.endOfShift, plant.bread)), ("c", input(.endOfDay, plant.bread)),
            ("d", input(.noDueDate, plant.bread)), ("e", input(.withinWeek, plant.bread, for: .user("ben"))),
            ("f", input(.direct, plant.packing, type: "dds.action", for: .team("MAINT-A"))), ("g", input(.direct, plant.oven)),
        ] {
            byName[name] = try await plant.open(task, store)
        }
        #expect(byName["c"]?.dueAt == WorkflowFixture.at("2026-03-03T00:00:00+01:00"))
        #expect(byName["e"]?.dueAt == WorkflowFixture.at("2026-03-09T09:00:00+01:00"))
        return Opened(byName: byName)
    }

    @Test("Pages of two follow the due dates, ties by id, and stay put when a task closes between pages", arguments: TestDatabases.kinds)
    func paging(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let opened = try await Self.openSeven(plant, database)
            let tasks = HumanTaskStore(database: database, clock: { WorkflowFixture.monday })
            let names = Dictionary(uniqueKeysWithValues: opened.byName.map { ($0.value.id, $0.key) })

            var seen: [String] = []
            var page = try await tasks.list(HumanTaskFilter(), PageRequest(limit: 2))
            seen += page.items.map { names[$0.id]! }
            // The first task of the first page (a, f or g: anna is maintenance and in MAINT-A) is
            // completed before the next page is read.
            let anna = try await plant.actor("anna", database)
            _ = try await tasks.complete(try #require(page.items.first).id, by: anna, seenRevision: 1)
            var pages = 1
            while let cursor = page.nextCursor {
                page = try await tasks.list(HumanTaskFilter(), PageRequest(limit: 2, after: PageCursor(encoded: cursor)))
                seen += page.items.map { names[$0.id]! }
                pages += 1
            }
            #expect(seen == opened.ordered)
            #expect(pages == 4)
            #expect(Array(seen.suffix(4)) == ["b", "c", "e", "d"])
            // Now the completed one is gone from the open tasks, and there with status all.
            #expect(try await tasks.list(HumanTaskFilter(), PageRequest()).items.count == 6)
            #expect(try await tasks.list(HumanTaskFilter(status: .all), PageRequest()).items.count == 7)
        }
    }

    @Test("By person, line, type, site, and overdue at a time", arguments: TestDatabases.kinds)
    func filters(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await WorkflowFixture.make(database)
            let opened = try await Self.openSeven(plant, database)
            let names = Dictionary(uniqueKeysWithValues: opened.byName.map { ($0.value.id, $0.key) })
            func list(_ filter: HumanTaskFilter, at time: Date = WorkflowFixture.monday) async throws -> [String] {
                try await HumanTaskStore(database: database, clock: { time }).list(filter, PageRequest(limit: 100)).items.map { names[$0.id]! }.sorted()
            }
            let anna = try await plant.actor("anna", database)
            let ben = try await plant.actor("ben", database)
            let olga = try await plant.actor("olga", database)
            // Anna: role maintenance and team MAINT-A, not ben's own task e.
            #expect(try await list(HumanTaskFilter(assignee: anna)) == ["a", "b", "c", "d", "f", "g"])
            #expect(try await list(HumanTaskFilter(assignee: ben)) == ["a", "b", "c", "d", "e", "g"])
            #expect(try await list(HumanTaskFilter(assignee: olga)).isEmpty)
            #expect(try await list(HumanTaskFilter(lineId: plant.bread.id)) == ["a", "b", "c", "d", "e"])
            #expect(try await list(HumanTaskFilter(type: "dds.action")) == ["f"])
            #expect(try await list(HumanTaskFilter(siteIds: [plant.otherSite.id])) == ["g"])
            #expect(try await list(HumanTaskFilter(siteIds: [])).isEmpty)
            // At 12:00 CET the three due at 10:00 are overdue; at 14:00 b (due 14:00) is too.
            #expect(try await list(HumanTaskFilter(status: .overdue), at: WorkflowFixture.at("2026-03-02T12:00:00+01:00")) == ["a", "f", "g"])
            #expect(try await list(HumanTaskFilter(status: .overdue, siteIds: [plant.site.id]), at: WorkflowFixture.at("2026-03-02T14:00:00+01:00"))
                    == ["a", "b", "f"])
            // Once anna holds a, it is hers alone: it leaves ben's list.
            let tasks = HumanTaskStore(database: database, clock: { WorkflowFixture.monday })
            _ = try await tasks.claim(try #require(opened.byName["a"]).id, by: anna, seenRevision: 1)
            #expect(try await list(HumanTaskFilter(assignee: anna)) == ["a", "b", "c", "d", "f", "g"])
            #expect(try await list(HumanTaskFilter(assignee: ben)) == ["b", "c", "d", "e", "g"])
        }
    }
}

import Foundation
import MS5Domain
import MS5Storage
import MS5TestSupport
import SQLKit
import Testing

@Suite("Plant model storage")
struct PlantRepositoryTests {
    @Test("Records are stored and read back field for field", arguments: TestDatabases.kinds)
    func roundTrip(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            #expect(try await SiteRepository(database: database).get(plant.site.id).code == "BAK1")
            let stored = try await EquipmentRepository(database: database).get(plant.equipment.id)
            #expect(stored.siteId == plant.site.id)
            #expect(stored.lineId == plant.line.id)
            #expect(stored.criticality == 4)
            #expect(stored.description == nil)
            #expect(abs(stored.createdAt.timeIntervalSince(plant.equipment.createdAt)) < 0.001)
            #expect(try await LineRepository(database: database).get(plant.line.id).siteId == plant.site.id)
        }
    }

    @Test("Equipment codes are unique per site, not across sites", arguments: TestDatabases.kinds)
    func codesUniquePerSite(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let first = try await PlantFixture.make(database)
            let second = try await PlantFixture.make(database, siteCode: "BAK2")
            #expect(second.equipment.code == first.equipment.code)
            let error = await #expect(throws: DomainError.self) {
                try await EquipmentRepository(database: database).create(
                    EquipmentInput(lineId: first.line.id, code: "SLC1", name: "Another", type: "slicer", criticality: 1))
            }
            #expect(error?.code == .conflict)
            #expect(error?.violations.first?.field == "/code")
        }
    }

    @Test("Replacing keeps the id and creation time and checks the new code", arguments: TestDatabases.kinds)
    func replace(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let repository = EquipmentRepository(database: database)
            let other = try await repository.create(EquipmentInput(lineId: plant.line.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5))
            let replaced = try await repository.replace(plant.equipment.id, with: EquipmentInput(
                lineId: plant.line.id, code: "SLC9", name: "Slicer 9", type: "slicer", criticality: 2, description: "rebuilt"))
            #expect(replaced.id == plant.equipment.id)
            #expect(try await repository.get(plant.equipment.id).description == "rebuilt")
            let error = await #expect(throws: DomainError.self) {
                try await repository.replace(plant.equipment.id, with: EquipmentInput(
                    lineId: plant.line.id, code: other.code, name: "x", type: "slicer", criticality: 2))
            }
            #expect(error?.code == .conflict)
            #expect(try await repository.get(plant.equipment.id).code == "SLC9")
        }
    }

    @Test("A parent that does not exist is refused by its field", arguments: TestDatabases.kinds)
    func missingParent(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let error = await #expect(throws: DomainError.self) {
                try await LineRepository(database: database).create(LineInput(areaId: UUID(), code: "L1", name: "Line"))
            }
            #expect(error?.violations == [FieldViolation(field: "/areaId", reason: "no area with this id exists")])
        }
    }

    @Test("Deleting is refused while children or history exist, and allowed after", arguments: TestDatabases.kinds)
    func deleteGuards(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let sites = SiteRepository(database: database)
            let blocked = await #expect(throws: DomainError.self) { try await sites.delete(plant.site.id) }
            #expect(blocked?.message == "The site still has 1 area(s); it cannot be deleted until they are removed.")

            try await database.transaction { db in
                try await db.insert(into: "state_intervals").columns("equipment_id", "start_ts", "state", "mode", "source")
                    .values(SQLBind(plant.equipment.id), SQLBind(Date()), SQLBind("running"), SQLBind("production"), SQLBind("test"))
                    .run()
            }
            let equipment = EquipmentRepository(database: database)
            let history = await #expect(throws: DomainError.self) { try await equipment.delete(plant.equipment.id) }
            #expect(history?.message.contains("1 state interval(s)") == true)

            try await database.transaction { db in try await db.delete(from: "state_intervals").run() }
            try await equipment.delete(plant.equipment.id)
            try await LineRepository(database: database).delete(plant.line.id)
            try await AreaRepository(database: database).delete(plant.area.id)
            try await sites.delete(plant.site.id)
            let gone = await #expect(throws: DomainError.self) { try await sites.get(plant.site.id) }
            #expect(gone?.code == .notFound)
        }
    }

    @Test("Pages come in code order and the cursor walks them without gaps or repeats", arguments: TestDatabases.kinds)
    func paging(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let plant = try await PlantFixture.make(database)
            let repository = EquipmentRepository(database: database)
            for index in [7, 3, 9, 1, 5, 2, 8] {
                _ = try await repository.create(EquipmentInput(lineId: plant.line.id, code: "M\(index)", name: "M", type: "t", criticality: 1))
            }
            var codes: [String] = []
            var cursor: PageCursor?
            repeat {
                let page = try await repository.list(PageRequest(limit: 3, after: cursor), lineId: plant.line.id)
                #expect(page.items.count <= 3)
                codes += page.items.map(\.code)
                cursor = page.nextCursor.flatMap(PageCursor.init(encoded:))
            } while cursor != nil
            #expect(codes == ["M1", "M2", "M3", "M5", "M7", "M8", "M9", "SLC1"])
        }
    }

    @Test("A failing transaction leaves nothing behind", arguments: TestDatabases.kinds)
    func rollback(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            await #expect(throws: Boom.self) {
                try await database.transaction { db in
                    try await db.insert(into: "sites").columns("id", "code", "name", "time_zone", "created_at", "updated_at")
                        .values(SQLBind(UUID()), SQLBind("X"), SQLBind("X"), SQLBind("UTC"), SQLBind(Date()), SQLBind(Date())).run()
                    throw Boom()
                }
            }
            let sites = try await SiteRepository(database: database).list(PageRequest())
            #expect(sites.items.isEmpty)
        }
    }
}

private struct Boom: Error {}

import Foundation
import MS5Domain
@testable import MS5Storage
import MS5TestSupport
import Testing

@Suite("Site access")
struct SiteAccessStoreTests {
    @Test("Each scoped record resolves to its site in one query, through its joins; unknown ids are left out", arguments: TestDatabases.kinds)
    func sitesOfRecords(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let north = try await PlantFixture.make(database, siteCode: "NORTH")
            let south = try await PlantFixture.make(database, siteCode: "SOUTH")
            let product = try await ProductRepository(database: database).create(ProductInput(code: "WHT", name: "White", idealCycleSeconds: 2))
            let order = try await ProductionOrderRepository(database: database).create(ProductionOrderInput(
                number: "4711", productId: product.id, equipmentId: south.equipment.id, plannedQuantity: 10,
                plannedStart: Date(), plannedEnd: Date().addingTimeInterval(3600)))
            let access = SiteAccessStore(database: database)
            let unknown = UUID()
            #expect(try await access.sites(of: .line, ids: [north.line.id, south.line.id, unknown])
                    == [north.line.id: north.site.id, south.line.id: south.site.id])
            #expect(try await access.sites(of: .area, ids: [south.area.id]) == [south.area.id: south.site.id])
            #expect(try await access.site(of: .site, id: north.site.id) == north.site.id)
            #expect(try await access.site(of: .productionOrder, id: order.id) == south.site.id)
            #expect(try await access.site(of: .equipment, id: unknown) == nil)
        }
    }

    @Test("An account's sites are set exactly, checked to exist, and each change goes to the ledger", arguments: TestDatabases.kinds)
    func setSites(kind: Database.Kind) async throws {
        try await TestDatabases.with(kind) { database in
            let north = try await PlantFixture.make(database, siteCode: "NORTH")
            let user = try await UserRepository(database: database).create(
                UserInput(username: "anna", displayName: "Anna", role: .supervisor, password: "long enough password"),
                passwordHash: "h", mustChangePassword: false)
            let access = SiteAccessStore(database: database)
            #expect(try await access.scope(of: user.id) == .everySite)
            await #expect(throws: DomainError.self) { try await access.setSites([UUID()], of: user.id) }
            #expect(try await access.setSites([north.site.id], of: user.id) == [north.site.id])
            #expect(try await access.scope(of: user.id) == .sites([north.site.id]))
            #expect(try await access.setSites(codes: ["NORTH", "NOWHERE"], of: user.id) == [north.site.id])
            let entries = try await AuditLedger.history(database, recordType: "user sites", recordId: user.id.uuidString.lowercased())
            #expect(entries.count == 1, "setting the same sites again changes nothing and writes nothing")
            #expect(try await access.setSites([], of: user.id).isEmpty)
            #expect(try await access.scope(of: user.id) == .everySite)
            #expect(try await AuditVerification.run(database).problem == nil)
        }
    }
}

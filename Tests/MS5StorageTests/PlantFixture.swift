import Foundation
import MS5Domain
import MS5Storage

/// A small plant for storage tests: one site, area, line and equipment.
struct PlantFixture {
    let site: Site
    let area: Area
    let line: Line
    let equipment: Equipment

    static func make(_ database: Database, siteCode: String = "BAK1") async throws -> PlantFixture {
        let site = try await SiteRepository(database: database).create(SiteInput(code: siteCode, name: "Bakery", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line 1"))
        let equipment = try await EquipmentRepository(database: database).create(
            EquipmentInput(lineId: line.id, code: "SLC1", name: "Slicer 1", type: "slicer", criticality: 4))
        return PlantFixture(site: site, area: area, line: line, equipment: equipment)
    }
}

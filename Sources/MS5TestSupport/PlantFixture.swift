import Foundation
import MS5Domain
import MS5Storage

/// A small plant for storage tests: one site, area, line and equipment.
public struct PlantFixture: Sendable {
    public let site: Site
    public let area: Area
    public let line: Line
    public let equipment: Equipment

    /// Creates the plant on `database`, the site named `siteCode`.
    public static func make(_ database: Database, siteCode: String = "BAK1") async throws -> PlantFixture {
        let site = try await SiteRepository(database: database).create(SiteInput(code: siteCode, name: "Bakery", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line 1"))
        let equipment = try await EquipmentRepository(database: database).create(
            EquipmentInput(lineId: line.id, code: "SLC1", name: "Slicer 1", type: "slicer", criticality: 4))
        return PlantFixture(site: site, area: area, line: line, equipment: equipment)
    }
}

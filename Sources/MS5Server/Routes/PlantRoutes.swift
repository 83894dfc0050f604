import MS5Storage

extension APIRoutes {
    /// The plant model: sites, areas, lines and equipment.
    mutating func addPlantRoutes(database: Database) {
        let sites = SiteRepository(database: database)
        addRecordRoutes(sites, path: "/v1/sites", names: RecordNames(noun: "site", plural: "sites", operation: "Site", operationPlural: "Sites"), filters: []) { page, _ in
            try await sites.list(page)
        }
        let areas = AreaRepository(database: database)
        addRecordRoutes(
            areas, path: "/v1/areas", names: RecordNames(noun: "area", plural: "areas", operation: "Area", operationPlural: "Areas"),
            filters: [.filter("siteId", "Only areas of this site.")]
        ) { page, filters in
            try await areas.list(page, siteId: filters["siteId"])
        }
        let lines = LineRepository(database: database)
        addRecordRoutes(
            lines, path: "/v1/lines", names: RecordNames(noun: "line", plural: "lines", operation: "Line", operationPlural: "Lines"),
            filters: [.filter("siteId", "Only lines of this site."), .filter("areaId", "Only lines of this area.")]
        ) { page, filters in
            try await lines.list(page, siteId: filters["siteId"], areaId: filters["areaId"])
        }
        let equipment = EquipmentRepository(database: database)
        addRecordRoutes(
            equipment, path: "/v1/equipment", names: RecordNames(
                noun: "equipment", plural: "equipment", operation: "Equipment", operationPlural: "EquipmentList"),
            filters: [.filter("siteId", "Only equipment of this site."), .filter("lineId", "Only equipment of this line.")]
        ) { page, filters in
            try await equipment.list(page, siteId: filters["siteId"], lineId: filters["lineId"])
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Products, production orders, each line's production settings, stops and their coding,
    /// and ISO 22400 performance.
    mutating func addProductionRoutes(database: Database) {
        let tag = "Production"
        let products = ProductRepository(database: database)
        addRecordRoutes(
            products, path: "/v1/products",
            names: RecordNames(noun: "product", plural: "products", operation: "Product", operationPlural: "Products"),
            tag: tag, filters: []
        ) { page, _ in
            try await products.list(page)
        }
        let orders = ProductionOrderRepository(database: database)
        addRecordRoutes(
            orders, path: "/v1/orders",
            names: RecordNames(noun: "production order", plural: "production orders", operation: "Order", operationPlural: "Orders"),
            tag: tag, filters: [.filter("equipmentId", "Only orders run at this equipment.")], sortedBy: "number"
        ) { page, filters in
            try await orders.list(equipmentId: filters["equipmentId"], page)
        }
        add(APIOperation(
            method: .post, path: "/v1/orders/{id}/status", operationId: "moveOrder",
            summary: "Move an order on: release it, start it (its counts and time count from now), complete it.",
            tag: tag, access: .floorLeads, parameters: [.id("production order")], canConflict: true),
            input: OrderStatusChange.self
        ) { change, _, context in
            try await orders.move(try context.pathID("production order"), to: change.status)
        }
        addLineSettingsRoutes(database: database, tag: tag)
        addProductionRecordRoutes(database: database, tag: tag)
        addAssignmentRoutes(database: database, tag: tag)
        addPerformanceRoutes(database: database, tag: tag)
    }

    private mutating func addLineSettingsRoutes(database: Database, tag: String) {
        let settings = LineSettingsStore(database: database)
        add(APIOperation(
            method: .get, path: "/v1/lines/{id}/production-settings", operationId: "getLineProductionSettings",
            summary: "A line's shift pattern, stop reasons, constraint equipment and KPI thresholds; 404 until set.",
            tag: tag, access: .signedIn, parameters: [.id("line")])
        ) { _, context in
            let id = try context.pathID("line")
            guard let found = try await settings.settings(lineId: id) else {
                throw DomainError(.notFound, "Line \(id) has no production settings yet.")
            }
            return found
        }
        add(APIOperation(
            method: .put, path: "/v1/lines/{id}/production-settings", operationId: "setLineProductionSettings",
            summary: "Set a line's production settings; KPIs computed afterwards use them.",
            tag: tag, access: .plantEditors, parameters: [.id("line")]),
            input: LineProductionSettings.self
        ) { input, _, context in
            try await settings.setSettings(input, lineId: try context.pathID("line"))
            return input
        }
    }

    private mutating func addPerformanceRoutes(database: Database, tag: String) {
        let reports = ProductionReports(database: database)
        let rules = self.rules
        add(APIOperation(
            method: .get, path: "/v1/equipment/{id}/performance", operationId: "equipmentPerformance",
            summary: "ISO 22400 KPIs of an equipment over a range with their parts, its stops and the loss Pareto.",
            tag: tag, access: .signedIn, parameters: [.id("equipment")] + PerformanceRange.parameters + [PerformanceRange.stopsParameter],
            canConflict: true)
        ) { request, context in
            try await reports.performance(
                equipmentId: try context.pathID("equipment"), window: try PerformanceRange(request).span, listingStops: try request.flagQuery("stops", absent: true))
        }
        add(APIOperation(
            method: .get, path: "/v1/lines/{id}/performance", operationId: "linePerformance",
            summary: "The performance of a line: that of its constraint equipment.",
            tag: tag, access: .signedIn, parameters: [.id("line")] + PerformanceRange.parameters + [PerformanceRange.stopsParameter],
            canConflict: true)
        ) { request, context in
            try await reports.linePerformance(
                lineId: try context.pathID("line"), window: try PerformanceRange(request).span, listingStops: try request.flagQuery("stops", absent: true))
        }
        add(APIOperation(
            method: .get, path: "/v1/lines/{id}/losses", operationId: "lineLosses",
            summary: "Where a line lost time: Pareto at its constraint, stop time per equipment, trend per day (default: the last 24 h).",
            tag: tag, access: .signedIn, parameters: [.id("line")] + PerformanceRange.parameters, canConflict: true)
        ) { request, context in
            try await reports.lineLosses(lineId: try context.pathID("line"), window: try PerformanceRange(request).span)
        }
        addPeriodRoutes(reports: reports, tag: tag)
        add(APIOperation(
            method: .post, path: "/v1/equipment/{id}/stop-codings", operationId: "codeStop",
            summary: "Give a stop its reason (or a new one) and a comment; answers the stop as coded. Operators only on a line they hold a job on, during that job's shift.",
            tag: tag, access: .floorStaff, parameters: [.id("equipment")], canConflict: true),
            input: StopCodingInput.self
        ) { input, _, context in
            let user = try context.signedInUser
            let equipmentId = try context.pathID("equipment")
            try await rules.requireOnDuty(user, equipmentId: equipmentId)
            return try await reports.code(equipmentId: equipmentId, input, by: user.username)
        }
    }

    /// KPIs by shift, day, week or order for an equipment or a line, as JSON and CSV, and the
    /// stops as CSV.
    private mutating func addPeriodRoutes(reports: ProductionReports, tag: String) {
        let byParameter = APIOperation.Parameter(
            name: "by", location: .query, schema: .enumeration(PerformanceGrouping.allCases.map(\.rawValue)),
            description: "shift, day (local), week (ISO, local) or order; default shift.")
        for (scope, noun) in [("equipment", "equipment"), ("lines", "line")] {
            let periods: @Sendable (Request, AppContext) async throws -> [PerformancePeriod] = { request, context in
                let id = try context.pathID(noun)
                let equipmentId = scope == "lines" ? try await reports.constraintEquipment(lineId: id) : id
                return try await reports.periods(equipmentId: equipmentId, window: try PerformanceRange(request).span, by: try Self.grouping(request))
            }
            let name = scope == "lines" ? "Line" : "Equipment"
            add(APIOperation(
                method: .get, path: "/v1/\(scope)/{id}/performance/periods", operationId: "\(noun)PerformancePeriods",
                summary: "The KPIs of each shift, day, week or order of a range, of the \(noun)\(scope == "lines" ? "'s constraint equipment" : "").",
                tag: tag, access: .signedIn, parameters: [.id(noun), byParameter] + PerformanceRange.parameters, canConflict: true)
            ) { request, context in
                ItemList(items: try await periods(request, context))
            }
            var csv = APIOperation(
                method: .get, path: "/v1/\(scope)/{id}/performance/periods.csv", operationId: "\(noun)PerformancePeriodsCSV",
                summary: "The same periods as CSV, one row each.", tag: tag, access: .signedIn,
                parameters: [.id(noun), byParameter] + PerformanceRange.parameters, canConflict: true)
            csv.contentType = "text/csv"
            addResponder(csv) { request, context in
                Self.csvResponse(PerformanceCSV.periods(try await periods(request, context)), filename: "\(name.lowercased())-kpis.csv")
            }
        }
        var stops = APIOperation(
            method: .get, path: "/v1/equipment/{id}/stops.csv", operationId: "equipmentStopsCSV",
            summary: "An equipment's stops in a range as CSV: times, duration, first-out fault, reasons, comments.",
            tag: tag, access: .signedIn, parameters: [.id("equipment")] + PerformanceRange.parameters, canConflict: true)
        stops.contentType = "text/csv"
        addResponder(stops) { request, context in
            let report = try await reports.performance(equipmentId: try context.pathID("equipment"), window: try PerformanceRange(request).span)
            return Self.csvResponse(PerformanceCSV.stops(report.stops), filename: "stops.csv")
        }
    }

    private static func grouping(_ request: Request) throws -> PerformanceGrouping {
        guard let text = request.uri.queryParameters["by"] else { return .shift }
        guard let grouping = PerformanceGrouping(rawValue: String(text)) else {
            throw DomainError.invalid([FieldViolation(field: "/by", reason: "must be one of \(PerformanceGrouping.allCases.map(\.rawValue).joined(separator: ", "))")])
        }
        return grouping
    }

    private static func csvResponse(_ text: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

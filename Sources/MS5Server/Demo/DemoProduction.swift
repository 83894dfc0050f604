import Foundation
import MS5Domain
import MS5Storage

/// The demo bread line's production setup: its product, three shifts with breaks, a stop
/// reason tree, Bagger 1 as its constraint, and an order running from the demo's start, so
/// that its performance can be asked for at once.
enum DemoProduction {
    static let reasonTree = StopReasonTree(categories: [
        StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [
            StopReason(code: "JAM", name: "Jam"), StopReason(code: "WEAR", name: "Worn or broken part"),
        ]),
        StopReasonCategory(code: "ELEC", name: "Electrical", planning: .unplanned, loss: .breakdown, reasons: [
            StopReason(code: "SENSOR", name: "Sensor fault"), StopReason(code: "DRIVE", name: "Drive fault"),
        ]),
        StopReasonCategory(code: "FLOW", name: "Material flow", planning: .unplanned, loss: .otherStop, reasons: [
            StopReason(code: "STARVED", name: "No product from upstream"), StopReason(code: "BLOCKED", name: "Downstream full"),
            StopReason(code: "FILM", name: "Bag film supply"),
        ]),
        StopReasonCategory(code: "SETUP", name: "Setup", planning: .planned, loss: .setupAndAdjustment, reasons: [
            StopReason(code: "CHANGE", name: "Product changeover"),
        ]),
        StopReasonCategory(code: "CLEAN", name: "Cleaning", planning: .planned, loss: .otherStop, reasons: [
            StopReason(code: "SANITATION", name: "Sanitation"),
        ]),
    ])

    /// Sets up the bread line's production; `counterRollover` is where the simulated counters
    /// wrap, and the order runs from `orderStart`.
    static func create(_ database: Database, counterRollover: Int, orderStart: Date) async throws {
        let lines = try await LineRepository(database: database).list(PageRequest(limit: 10)).items
        let equipment = try await EquipmentRepository(database: database).list(PageRequest(limit: 50)).items
        guard let bread = lines.first(where: { $0.code == "BREAD1" }), let bagger = equipment.first(where: { $0.code == "BAG1" }) else { return }
        let shiftBreak = [ShiftBreak(offset: 4 * 3600, duration: 1800)]
        let pattern = ShiftPattern(name: "3 × 8", shifts: [
            ShiftDefinition(name: "Early", start: TimeOfDay(hour: 6), length: 8 * 3600, breaks: shiftBreak, targetQuantity: 25_000),
            ShiftDefinition(name: "Late", start: TimeOfDay(hour: 14), length: 8 * 3600, breaks: shiftBreak, targetQuantity: 25_000),
            ShiftDefinition(name: "Night", start: TimeOfDay(hour: 22), length: 8 * 3600, breaks: shiftBreak, targetQuantity: 25_000),
        ])
        try await LineSettingsStore(database: database).setSettings(
            LineProductionSettings(shiftPattern: pattern, reasonTree: reasonTree, constraintEquipmentId: bagger.id, counterRollover: counterRollover),
            lineId: bread.id)
        let product = try await ProductRepository(database: database).create(
            ProductInput(code: "BREAD-101", name: "Sliced white 800 g", idealCycleSeconds: 1))
        let orders = ProductionOrderRepository(database: database)
        let order = try await orders.create(ProductionOrderInput(
            number: "DEMO-0001", productId: product.id, equipmentId: bagger.id, plannedQuantity: 500_000,
            plannedStart: orderStart, plannedEnd: orderStart.addingTimeInterval(7 * 86_400)))
        _ = try await orders.move(order.id, to: .released, at: orderStart)
        _ = try await orders.move(order.id, to: .running, at: orderStart)
    }
}

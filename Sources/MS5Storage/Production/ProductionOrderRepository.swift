import Foundation
import MS5Domain
import SQLKit

/// Production orders and their moves from planned to completed.
public struct ProductionOrderRepository: Sendable {
    static let table = RecordTable<ProductionOrder>(name: "production_orders", noun: "production order", sortColumn: "number")

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of orders, ordered by number; only those of `equipmentId` when given.
    public func list(equipmentId: UUID?, _ page: PageRequest) async throws -> Page<ProductionOrder> {
        try await Self.table.list(on: database, page, filters: equipmentId.map { [("equipment_id", $0)] } ?? [])
    }

    /// The order with `id`.
    public func get(_ id: UUID) async throws -> ProductionOrder {
        try await Self.table.get(on: database, id: id)
    }

    /// Creates a planned order; its number must be unused, its product and equipment must exist.
    public func create(_ input: ProductionOrderInput) async throws -> ProductionOrder {
        try input.validate()
        return try await database.transaction { db in try await Self.create(db, input) }
    }

    /// Creates a planned order on `db`, the caller's transaction.
    static func create(_ db: any SQLDatabase, _ input: ProductionOrderInput) async throws -> ProductionOrder {
        try await checkReferences(db, input, excluding: nil)
        let now = RecordClock.now()
        let order = ProductionOrder(
            id: UUID(), number: input.number, productId: input.productId, equipmentId: input.equipmentId,
            plannedQuantity: input.plannedQuantity, plannedStart: input.plannedStart, plannedEnd: input.plannedEnd,
            status: .planned, actualStart: nil, actualEnd: nil, createdAt: now, updatedAt: now)
        try await table.insert(db, order)
        return order
    }

    /// Replaces the plan of an order not yet running.
    public func replace(_ id: UUID, with input: ProductionOrderInput) async throws -> ProductionOrder {
        try input.validate()
        return try await database.transaction { db in try await Self.replace(db, id, with: input) }
    }

    /// Replaces the plan of an order not yet running on `db`, the caller's transaction.
    static func replace(_ db: any SQLDatabase, _ id: UUID, with input: ProductionOrderInput) async throws -> ProductionOrder {
        var order = try await table.require(db, id: id)
        guard order.status == .planned || order.status == .released else {
            throw DomainError(.conflict, "Order \(order.number) is \(order.status.rawValue); only planned or released orders can be changed.")
        }
        try await checkReferences(db, input, excluding: id)
        order.number = input.number
        order.productId = input.productId
        order.equipmentId = input.equipmentId
        order.plannedQuantity = input.plannedQuantity
        order.plannedStart = input.plannedStart
        order.plannedEnd = input.plannedEnd
        order.updatedAt = RecordClock.now()
        try await table.update(db, order)
        return order
    }

    /// Moves the order to `status` at `at` (default now): starting records the actual start
    /// (refused while another order runs on the same equipment), completing records the actual end.
    public func move(_ id: UUID, to status: OrderStatus, at: Date? = nil) async throws -> ProductionOrder {
        try await database.transaction { db in try await Self.move(db, id, to: status, at: at ?? RecordClock.now()) }
    }

    /// Moves the order to `status` at `now` on `db`, the caller's transaction.
    static func move(_ db: any SQLDatabase, _ id: UUID, to status: OrderStatus, at now: Date) async throws -> ProductionOrder {
        var order = try await table.require(db, id: id)
        guard order.status.next.contains(status) else {
            let allowed = order.status.next.map(\.rawValue).joined(separator: ", ")
            throw DomainError(.conflict, "Order \(order.number) is \(order.status.rawValue); it can move to \(allowed.isEmpty ? "nothing" : allowed), not \(status.rawValue).")
        }
        if status == .running {
            let running = try await db.select().column("number").from(table.name)
                .where("equipment_id", .equal, order.equipmentId).where("status", .equal, OrderStatus.running.rawValue)
                .first(decodingColumn: "number", as: String.self)
            if let running {
                throw DomainError(.conflict, "Order \(running) is already running on this equipment; complete it first.")
            }
            order.actualStart = now
        }
        if status == .completed { order.actualEnd = now }
        order.status = status
        order.updatedAt = now
        try await table.update(db, order)
        try await KPIPartsStore.invalidate(db, equipmentId: order.equipmentId, from: now)
        return order
    }

    /// Deletes an order that never ran, with its job assignments.
    public func delete(_ id: UUID) async throws {
        try await database.transaction { db in try await Self.delete(db, id) }
    }

    /// Deletes an order that never ran, with its job assignments, on `db`, the caller's transaction.
    static func delete(_ db: any SQLDatabase, _ id: UUID) async throws {
        let order = try await table.require(db, id: id)
        guard order.actualStart == nil else {
            throw DomainError(.conflict, "Order \(order.number) has run; it is kept for reporting.")
        }
        try await JobAssignmentStore.deleteAll(db, orderId: id)
        try await table.delete(db, id: id)
    }

    /// The orders of an equipment that ran at some time in `span` (actual start before its end,
    /// and no actual end or one after its start).
    func ran(_ db: any SQLDatabase, equipmentId: UUID, during span: TimeSpan) async throws -> [ProductionOrder] {
        try await db.select().column("*").from(Self.table.name)
            .where("equipment_id", .equal, equipmentId)
            .where("actual_start", .isNot, SQLLiteral.null).where("actual_start", .lessThan, span.end)
            .where { $0.where("actual_end", .is, SQLLiteral.null).orWhere("actual_end", .greaterThan, span.start) }
            .orderBy("actual_start")
            .all(decoding: ProductionOrder.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    private static func checkReferences(_ db: any SQLDatabase, _ input: ProductionOrderInput, excluding: UUID?) async throws {
        try await table.requireUnused(db, column: "number", value: input.number, excluding: excluding, owner: "by another order")
        try await ParentCheck.require(ProductRepository.table, db, id: input.productId, field: "productId")
        try await ParentCheck.require(EquipmentRepository.table, db, id: input.equipmentId, field: "equipmentId")
    }
}

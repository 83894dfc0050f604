import Foundation

/// A production order: a quantity of one product to make on one equipment (the line's constraint).
public struct ProductionOrder: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    /// The order number from the planning system, unique (`4711-01`).
    public var number: String
    public var productId: UUID
    /// The equipment whose counts and time the order is measured at.
    public var equipmentId: UUID
    public var plannedQuantity: Int
    public var plannedStart: Date
    public var plannedEnd: Date
    public var status: OrderStatus
    /// When it started running; set by the move to `running`.
    public var actualStart: Date?
    /// When it completed; set by the move to `completed`.
    public var actualEnd: Date?
    public let createdAt: Date
    public var updatedAt: Date

    /// Creates an order record.
    public init(
        id: UUID, number: String, productId: UUID, equipmentId: UUID, plannedQuantity: Int, plannedStart: Date, plannedEnd: Date,
        status: OrderStatus, actualStart: Date?, actualEnd: Date?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.productId = productId
        self.equipmentId = equipmentId
        self.plannedQuantity = plannedQuantity
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.status = status
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The order as a run for the KPIs, with the product's ideal cycle time: from its actual
    /// start to its actual end, or to `now` while it runs; nil before it started.
    public func run(idealCycleSeconds: Double, now: Date) -> ProductionOrderRun? {
        guard let start = actualStart else { return nil }
        let end = actualEnd ?? now
        guard end > start else { return nil }
        return ProductionOrderRun(orderId: number, start: start, end: end, idealCycleTime: idealCycleSeconds)
    }
}

/// What a client sends to create or replace a production order (its status moves separately).
public struct ProductionOrderInput: Codable, Sendable, Equatable {
    public var number: String
    public var productId: UUID
    public var equipmentId: UUID
    public var plannedQuantity: Int
    public var plannedStart: Date
    public var plannedEnd: Date

    /// Creates the input for an order.
    public init(number: String, productId: UUID, equipmentId: UUID, plannedQuantity: Int, plannedStart: Date, plannedEnd: Date) {
        self.number = number
        self.productId = productId
        self.equipmentId = equipmentId
        self.plannedQuantity = plannedQuantity
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(!number.isEmpty && number.count <= 64 && number.allSatisfy { $0.isASCII && ($0 == " " || $0.isLetter || $0.isNumber || $0.isPunctuation || $0.isSymbol) },
                "number", "must be 1–64 printable characters")
        v.check((1...100_000_000).contains(plannedQuantity), "plannedQuantity", "must be from 1 to 100000000")
        v.check(plannedStart < plannedEnd, "plannedEnd", "must be after plannedStart")
        try v.finish()
    }
}

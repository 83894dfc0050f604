import Foundation
import MS5Domain
import SQLKit

/// Where the ERP's production-order messages land: each is applied to MS5's orders and recorded
/// by its id in the same transaction, so a message delivered again (a consumer restarted before
/// it committed its offset) changes nothing. The changes go to the audit ledger as the
/// message's source.
public struct ERPOrderInbox: Sendable {
    /// What applying a message did.
    public enum Outcome: String, Sendable, Equatable {
        case created, released, quantityChanged, cancelled
        /// The message, or the change it asks for, was applied before.
        case alreadyApplied
    }

    let database: Database
    /// The source messages are recorded under (the topic).
    public let source: String

    /// Creates the inbox over `database` for messages from `source`.
    public init(database: Database, source: String) {
        self.database = database
        self.source = source
    }

    /// Applies `message`, refusing it with a ``DomainError`` that says why when it names what
    /// does not exist or asks what the order's status does not allow.
    public func apply(_ message: ERPOrderMessage) async throws -> Outcome {
        try message.validate()
        return try await AuditContext.$current.withValue(AuditContext(actor: "erp", reason: "\(source) message \(message.id)")) {
            try await database.transaction { db in
                let seen = try await db.select().column("outcome").from("inbound_messages")
                    .where("source", .equal, SQLBind(source)).where("message_id", .equal, SQLBind(message.id)).first()
                guard seen == nil else { return .alreadyApplied }
                let outcome = try await Self.perform(db, message)
                try await db.insert(into: "inbound_messages").columns("source", "message_id", "action", "subject", "outcome", "processed_at")
                    .values(SQLBind(source), SQLBind(message.id), SQLBind(message.action.rawValue), SQLBind(message.orderNumber),
                            SQLBind(outcome.rawValue), SQLBind(Date()))
                    .run()
                return outcome
            }
        }
    }

    private static func perform(_ db: any SQLDatabase, _ message: ERPOrderMessage) async throws -> Outcome {
        let existing = try await order(db, number: message.orderNumber)
        switch message.action {
        case .create:
            let input = try await input(db, message)
            guard let existing else {
                _ = try await ProductionOrderRepository.create(db, input)
                return .created
            }
            guard existing.productId == input.productId, existing.equipmentId == input.equipmentId,
                  existing.plannedQuantity == input.plannedQuantity, existing.plannedStart == input.plannedStart,
                  existing.plannedEnd == input.plannedEnd
            else { throw DomainError(.conflict, "Order \(message.orderNumber) exists with another plan; send changeQuantity, or cancel it first.") }
            return .alreadyApplied
        case .release:
            let order = try require(existing, message)
            // Released, running or completed: it is past what the message asks.
            guard order.status == .planned else { return .alreadyApplied }
            _ = try await ProductionOrderRepository.move(db, order.id, to: .released, at: RecordClock.now())
            return .released
        case .changeQuantity:
            let order = try require(existing, message)
            guard let quantity = message.quantity, order.plannedQuantity != quantity else { return .alreadyApplied }
            _ = try await ProductionOrderRepository.replace(db, order.id, with: ProductionOrderInput(
                number: order.number, productId: order.productId, equipmentId: order.equipmentId, plannedQuantity: quantity,
                plannedStart: order.plannedStart, plannedEnd: order.plannedEnd))
            return .quantityChanged
        case .cancel:
            try await ProductionOrderRepository.delete(db, try require(existing, message).id)
            return .cancelled
        }
    }

    /// The order input a create message describes, its codes resolved.
    private static func input(_ db: any SQLDatabase, _ message: ERPOrderMessage) async throws -> ProductionOrderInput {
        let siteCode = message.siteCode ?? "", equipmentCode = message.equipmentCode ?? "", productCode = message.productCode ?? ""
        guard let siteId = try await db.select().column("id").from("sites").where("code", .equal, SQLBind(siteCode))
            .first(decodingColumn: "id", as: UUID.self)
        else { throw DomainError.invalid([FieldViolation(field: "/siteCode", reason: "names no site")]) }
        guard let equipmentId = try await db.select().column("id").from("equipment").where("site_id", .equal, SQLBind(siteId))
            .where("code", .equal, SQLBind(equipmentCode)).first(decodingColumn: "id", as: UUID.self)
        else { throw DomainError.invalid([FieldViolation(field: "/equipmentCode", reason: "names no equipment of site \(siteCode)")]) }
        guard let productId = try await db.select().column("id").from("products").where("code", .equal, SQLBind(productCode))
            .first(decodingColumn: "id", as: UUID.self)
        else { throw DomainError.invalid([FieldViolation(field: "/productCode", reason: "names no product")]) }
        let input = ProductionOrderInput(
            number: message.orderNumber, productId: productId, equipmentId: equipmentId, plannedQuantity: message.quantity ?? 0,
            plannedStart: message.plannedStart ?? Date(), plannedEnd: message.plannedEnd ?? Date())
        try input.validate()
        return input
    }

    private static func order(_ db: any SQLDatabase, number: String) async throws -> ProductionOrder? {
        try await db.select().column("*").from(ProductionOrderRepository.table.name).where("number", .equal, SQLBind(number)).first(
            decoding: ProductionOrder.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    private static func require(_ order: ProductionOrder?, _ message: ERPOrderMessage) throws -> ProductionOrder {
        guard let order else { throw DomainError.notFound("production order", id: message.orderNumber) }
        return order
    }
}

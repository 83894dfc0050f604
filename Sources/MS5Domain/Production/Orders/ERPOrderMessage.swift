import Foundation

/// A message of the ERP's production-order topic (`erp.production-order.v1`): an order created,
/// released, given a new quantity or cancelled. Orders are named by their number, and the
/// equipment and product by the codes the plant already uses, since the ERP knows no MS5 ids.
///
/// ```json
/// {"id": "SAP-4711-1", "action": "create", "orderNumber": "4711", "siteCode": "BAK1",
///  "equipmentCode": "BAG1", "productCode": "WHT-800", "quantity": 1200,
///  "plannedStart": "2026-12-08T06:00:00Z", "plannedEnd": "2026-12-08T14:00:00Z"}
/// ```
public struct ERPOrderMessage: Codable, Sendable, Equatable {
    /// What the message asks for.
    public enum Action: String, ClosedSet, Equatable, Hashable {
        case create, release, changeQuantity, cancel
    }

    /// The message's own id, unique per message: a message seen again changes nothing.
    public var id: String
    public var action: Action
    public var orderNumber: String
    /// The site of the equipment (create).
    public var siteCode: String?
    /// The equipment the order runs on (create).
    public var equipmentCode: String?
    /// What it makes (create).
    public var productCode: String?
    /// How many good units are planned (create, changeQuantity).
    public var quantity: Int?
    public var plannedStart: Date?
    public var plannedEnd: Date?

    /// Creates a message.
    public init(
        id: String, action: Action, orderNumber: String, siteCode: String? = nil, equipmentCode: String? = nil, productCode: String? = nil,
        quantity: Int? = nil, plannedStart: Date? = nil, plannedEnd: Date? = nil
    ) {
        self.id = id
        self.action = action
        self.orderNumber = orderNumber
        self.siteCode = siteCode
        self.equipmentCode = equipmentCode
        self.productCode = productCode
        self.quantity = quantity
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
    }

    /// Refuses the message with every field its action needs and lacks, or has wrong.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(!id.isEmpty && id.count <= 128, "id", "must be 1–128 characters")
        v.check(!orderNumber.isEmpty && orderNumber.count <= 64, "orderNumber", "must be 1–64 characters")
        if action == .create {
            v.check(!(siteCode ?? "").isEmpty, "siteCode", "must name the equipment's site to create an order")
            v.check(!(equipmentCode ?? "").isEmpty, "equipmentCode", "must name the equipment to create an order")
            v.check(!(productCode ?? "").isEmpty, "productCode", "must name the product to create an order")
            v.check(plannedStart != nil, "plannedStart", "must be given to create an order")
            v.check(plannedEnd != nil, "plannedEnd", "must be given to create an order")
        }
        if action == .create || action == .changeQuantity {
            v.check(quantity.map { (1...100_000_000).contains($0) } ?? false, "quantity", "must be from 1 to 100000000")
        }
        try v.finish()
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server

extension TestServer {
    /// Puts the account `username` on duty on the line of `equipment` for the shift in
    /// progress: gives the line a 3×8 every-day pattern unless it has settings, and has the
    /// admin assign the account to a new order at the equipment.
    @discardableResult
    func putOnDuty(_ username: String = "operator", at equipment: Equipment) async throws -> JobAssignment {
        let settingsPath = "/v1/lines/\(equipment.lineId)/production-settings"
        if try await send(.get, settingsPath).status == .notFound {
            _ = try await send(.put, settingsPath, json: ProductionAPITests.settings)
        }
        let suffix = UUID().uuidString.prefix(8)
        let product = try await create("/v1/products", ProductInput(code: "P-\(suffix)", name: "Product", idealCycleSeconds: 2), as: Product.self)
        let order = try await create("/v1/orders", ProductionOrderInput(
            number: "O-\(suffix)", productId: product.id, equipmentId: equipment.id, plannedQuantity: 100,
            plannedStart: Date(), plannedEnd: Date().addingTimeInterval(3600)), as: ProductionOrder.self)
        return try await create("/v1/orders/\(order.id)/assignments", JobAssignmentInput(username: username), as: JobAssignment.self)
    }
}

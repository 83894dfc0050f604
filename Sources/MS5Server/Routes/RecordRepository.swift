import Foundation
import MS5Domain
import MS5Storage

/// A repository of records with the same four operations, so that one generic set of routes
/// serves sites, areas, lines, equipment, products and production orders.
protocol RecordRepository: Sendable {
    associatedtype Record: Codable & Sendable & Equatable & DocumentedSchema & Identifiable where Record.ID == UUID
    associatedtype Input: Codable & Sendable & DocumentedSchema

    func get(_ id: UUID) async throws -> Record
    func create(_ input: Input) async throws -> Record
    func replace(_ id: UUID, with input: Input) async throws -> Record
    func delete(_ id: UUID) async throws
}

extension SiteRepository: RecordRepository {}
extension AreaRepository: RecordRepository {}
extension LineRepository: RecordRepository {}
extension EquipmentRepository: RecordRepository {}
extension ProductRepository: RecordRepository {}
extension ProductionOrderRepository: RecordRepository {}

import Foundation
import MS5Domain
import MS5Storage

/// A request body that names the site-scoped record it goes under (a line's area, an order's
/// equipment): the parent must be in the account's sites too.
protocol ScopedInput {
    /// The parent's kind, id and field in the body.
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { get }
}

extension AreaInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.site, siteId, "siteId") }
}

extension LineInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.area, areaId, "areaId") }
}

extension EquipmentInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.line, lineId, "lineId") }
}

extension ProductionOrderInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.equipment, equipmentId, "equipmentId") }
}

extension EscalationPolicyInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.line, lineId, "lineId") }
}

extension AndonRuleInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.equipment, equipmentId, "equipmentId") }
}

extension AndonCallInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.line, lineId, "lineId") }
}

extension ChecklistCompletionInput: ScopedInput {
    var scopedParent: (record: ScopedRecord, id: UUID, field: String) { (.equipment, equipmentId, "equipmentId") }
}

import Foundation

/// What an engineer sends to create or change a checklist template.
public struct ChecklistTemplateInput: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var equipmentIds: [UUID]
    public var items: [ChecklistItem]

    /// Creates the input.
    public init(code: String, name: String, equipmentIds: [UUID], items: [ChecklistItem]) {
        self.code = code
        self.name = name
        self.equipmentIds = equipmentIds
        self.items = items
    }

    /// Checks the fields: a code and name, 1 to 50 equipment, 1 to 100 items with distinct keys,
    /// texts, and for value items limits in order; pass/fail items carry no unit or limits.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.code(code)
        v.text(name, "name", maxLength: PlantLimits.name)
        v.check((1...50).contains(equipmentIds.count), "equipmentIds", "must name 1 to 50 equipment")
        v.check(Set(equipmentIds).count == equipmentIds.count, "equipmentIds", "must name each equipment once")
        v.check((1...100).contains(items.count), "items", "must have 1 to 100 items")
        v.check(Set(items.map(\.key)).count == items.count, "items", "must have distinct keys")
        for (index, item) in items.enumerated() {
            let field = "items/\(index)"
            v.code(item.key, "\(field)/key")
            v.text(item.text, "\(field)/text", maxLength: 500)
            v.optionalText(item.unit, "\(field)/unit", maxLength: PlantLimits.label)
            switch item.kind {
            case .passFail:
                v.check(item.unit == nil && item.minimum == nil && item.maximum == nil, field, "a pass/fail item has no unit or limits")
            case .value:
                for (limit, name) in [(item.minimum, "minimum"), (item.maximum, "maximum")] {
                    v.check(limit.map(\.isFinite) ?? true, "\(field)/\(name)", "must be a finite number")
                }
                if let minimum = item.minimum, let maximum = item.maximum {
                    v.check(minimum <= maximum, "\(field)/maximum", "must not be below the minimum")
                }
            }
        }
        try v.finish()
    }
}

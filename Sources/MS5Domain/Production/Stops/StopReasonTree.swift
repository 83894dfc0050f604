/// The reason tree: planned/unplanned → category → reason.
///
/// The planning level is a property of each category, so a tree is simply its
/// categories; ``categories(_:)`` reads one branch.
public struct StopReasonTree: Sendable, Equatable, Hashable, Codable {
    /// All categories.
    public var categories: [StopReasonCategory]

    /// Creates a tree; ``validated()`` checks it.
    public init(categories: [StopReasonCategory]) {
        self.categories = categories
    }

    /// The categories of one branch.
    public func categories(_ planning: StopPlanning) -> [StopReasonCategory] {
        categories.filter { $0.planning == planning }
    }

    /// The reason with `code` and its category, or `nil` when the tree has none.
    public func classify(_ code: String) -> ClassifiedStopReason? {
        for category in categories {
            if let reason = category.reasons.first(where: { $0.code == code }) {
                return ClassifiedStopReason(reason: reason, category: category)
            }
        }
        return nil
    }

    /// This tree, or a ``DomainError`` naming empty and duplicate codes and names.
    public func validated() throws(DomainError) -> StopReasonTree {
        var found: [FieldViolation] = []
        var categoryCodes: Set<String> = []
        var reasonCodes: Set<String> = []
        for (index, category) in categories.enumerated() {
            let pointer = "/categories/\(index)"
            if category.code.isEmpty || !categoryCodes.insert(category.code).inserted {
                found.append(FieldViolation(field: "\(pointer)/code", reason: "must be a unique, non-empty code"))
            }
            if category.name.isEmpty { found.append(FieldViolation(field: "\(pointer)/name", reason: "must not be empty")) }
            for (reasonIndex, reason) in category.reasons.enumerated() {
                let reasonPointer = "\(pointer)/reasons/\(reasonIndex)"
                if reason.code.isEmpty || !reasonCodes.insert(reason.code).inserted {
                    found.append(FieldViolation(field: "\(reasonPointer)/code", reason: "must be a unique, non-empty code"))
                }
                if reason.name.isEmpty {
                    found.append(FieldViolation(field: "\(reasonPointer)/name", reason: "must not be empty"))
                }
            }
        }
        if !found.isEmpty { throw DomainError.invalid(found) }
        return self
    }
}

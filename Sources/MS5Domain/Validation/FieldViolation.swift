/// One reason a field of a request was refused, with the field named as a JSON pointer
/// (`/criticality`, `/items/2/code`) so that a client can show it next to the input.
public struct FieldViolation: Sendable, Equatable, Codable {
    /// JSON pointer to the offending field.
    public let field: String
    /// What is wrong, in words an operator or engineer understands.
    public let reason: String

    /// Creates a violation for `field` (a JSON pointer) with a human-readable `reason`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// The same violation for the field as a member of `parent` (`/shifts/0` under
    /// `shiftPattern` becomes `/shiftPattern/shifts/0`).
    public func nested(under parent: String) -> FieldViolation {
        FieldViolation(field: "/" + parent + (field.hasPrefix("/") ? field : "/" + field), reason: reason)
    }
}

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
}

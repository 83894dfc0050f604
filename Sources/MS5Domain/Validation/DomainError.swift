/// An error of the plant's rules, raised by domain and storage code and mapped to an HTTP
/// problem response only at the edge.
public struct DomainError: Error, Sendable, Equatable {
    /// What kind of refusal this is; the edge maps each code to one HTTP status.
    public enum Code: String, Sendable, Equatable {
        /// The input breaks a rule of its fields (422).
        case invalid
        /// The record named does not exist, or the caller may not know that it does (404).
        case notFound
        /// The change would break uniqueness or a dependency between records (409).
        case conflict
        /// The caller has not proven who they are (401).
        case unauthenticated
        /// The caller is known but may not do this (403).
        case forbidden
    }

    /// The kind of refusal.
    public let code: Code
    /// A sentence saying what happened and what to do.
    public let message: String
    /// The fields at fault, when the refusal is about input.
    public let violations: [FieldViolation]

    /// Creates an error of `code` with a `message` and, for input problems, the fields at fault.
    public init(_ code: Code, _ message: String, violations: [FieldViolation] = []) {
        self.code = code
        self.message = message
        self.violations = violations
    }

    /// A refusal of input, naming every field at fault.
    public static func invalid(_ violations: [FieldViolation]) -> DomainError {
        let fields = violations.map(\.field).joined(separator: ", ")
        return DomainError(.invalid, "The request has invalid fields: \(fields).", violations: violations)
    }

    /// A record of `kind` that does not exist.
    public static func notFound(_ kind: String, id: some CustomStringConvertible) -> DomainError {
        DomainError(.notFound, "No \(kind) with id \(id) exists.")
    }

    /// A value of `field` that is already taken.
    public static func duplicate(field: String, value: String, scope: String) -> DomainError {
        DomainError(
            .conflict,
            "The \(field) '\(value)' is already used \(scope).",
            violations: [FieldViolation(field: "/\(field)", reason: "already used \(scope)")]
        )
    }
}

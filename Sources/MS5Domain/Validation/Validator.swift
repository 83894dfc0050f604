import Foundation

/// Collects every violation of a request's fields before refusing it, so that a form can show
/// all of them at once instead of one per round trip.
public struct Validator: Sendable {
    /// The violations found so far.
    public private(set) var violations: [FieldViolation] = []

    /// Creates an empty validator.
    public init() {}

    /// Records a violation of `field` when `condition` is false.
    public mutating func check(_ condition: Bool, _ field: String, _ reason: String) {
        if !condition { violations.append(FieldViolation(field: "/\(field)", reason: reason)) }
    }

    /// Checks a required text: not blank after trimming, and at most `maxLength` characters.
    public mutating func text(_ value: String, _ field: String, maxLength: Int) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        check(!trimmed.isEmpty, field, "must not be empty")
        check(value.count <= maxLength, field, "must be at most \(maxLength) characters")
    }

    /// Checks an optional text: when present, at most `maxLength` characters.
    public mutating func optionalText(_ value: String?, _ field: String, maxLength: Int) {
        guard let value else { return }
        check(value.count <= maxLength, field, "must be at most \(maxLength) characters")
    }

    /// Checks a code: 1–32 letters, digits, `-`, `_` or `.`, starting with a letter or digit.
    public mutating func code(_ value: String, _ field: String = "code") {
        check(Self.isCode(value), field, "must be 1–32 letters, digits, '-', '_' or '.', starting with a letter or digit")
    }

    /// Throws ``DomainError/invalid(_:)`` with every violation, if any was found.
    public func finish() throws(DomainError) {
        if !violations.isEmpty { throw DomainError.invalid(violations) }
    }

    static func isCode(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, value.unicodeScalars.count <= 32 else { return false }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        return value.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
            && first.isASCII && CharacterSet.alphanumerics.contains(first)
    }
}

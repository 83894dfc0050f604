import Foundation

/// How raw counter values wrap and how fast they can plausibly grow.
///
/// A counter that drops is either a rollover (it passed ``rollover`` − 1 and
/// started again at 0) or a PLC reset. The drop is a rollover only when the
/// increment it implies, `rollover − previous + new`, is no more than the
/// machine could have made in the elapsed time at ``maximumRatePerSecond``;
/// otherwise it is a reset.
public struct CounterSettings: Sendable, Equatable, Hashable, Codable {
    /// The value at which the counter wraps to 0, e.g. 65 536 (2^16) or 4 294 967 296 (2^32).
    public var rollover: Int
    /// Most pieces per second the equipment can make (a generous upper bound, e.g.
    /// twice the ideal rate).
    public var maximumRatePerSecond: Double

    /// Creates settings.
    public init(rollover: Int, maximumRatePerSecond: Double) {
        self.rollover = rollover
        self.maximumRatePerSecond = maximumRatePerSecond
    }

    /// These settings, or a ``DomainError`` naming every invalid field.
    public func validated() throws(DomainError) -> CounterSettings {
        var found: [FieldViolation] = []
        if rollover < 2 { found.append(FieldViolation(field: "/rollover", reason: "must be at least 2")) }
        if !(maximumRatePerSecond > 0 && maximumRatePerSecond.isFinite) {
            found.append(FieldViolation(field: "/maximumRatePerSecond", reason: "must be more than 0"))
        }
        if !found.isEmpty { throw DomainError.invalid(found) }
        return self
    }
}

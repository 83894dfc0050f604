import Foundation

/// A production order as it ran on one equipment (or line constraint): when, and
/// how fast it should run.
public struct ProductionOrderRun: Sendable, Equatable, Hashable, Codable {
    /// The order's identifier.
    public var orderId: String
    /// Absolute start of the order on the equipment.
    public var start: Date
    /// Absolute end (exclusive).
    public var end: Date
    /// Planned (ideal) cycle time: seconds per unit at rated speed; ISO 22400 PRU.
    public var idealCycleTime: TimeInterval

    /// Creates an order run.
    public init(orderId: String, start: Date, end: Date, idealCycleTime: TimeInterval) {
        self.orderId = orderId
        self.start = start
        self.end = end
        self.idealCycleTime = idealCycleTime
    }

    /// `[start, end)`.
    public var span: TimeSpan { TimeSpan(start: start, end: end) }

    /// This order run, or a ``DomainError`` naming every invalid field.
    public func validated() throws(DomainError) -> ProductionOrderRun {
        var found: [FieldViolation] = []
        if orderId.isEmpty { found.append(FieldViolation(field: "/orderId", reason: "must not be empty")) }
        if end <= start { found.append(FieldViolation(field: "/end", reason: "must be after the start")) }
        if !(idealCycleTime > 0 && idealCycleTime.isFinite) {
            found.append(FieldViolation(field: "/idealCycleTime", reason: "must be more than 0 s"))
        }
        if !found.isEmpty { throw DomainError.invalid(found) }
        return self
    }
}

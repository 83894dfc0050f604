/// A named set of addresses read together at a fixed period.
public struct ModbusPollGroup: Sendable, Hashable {
    /// Shortest period allowed.
    public static let minimumPeriod: Duration = .milliseconds(100)
    /// Longest period allowed.
    public static let maximumPeriod: Duration = .seconds(60)

    /// Name used in logs.
    public var name: String
    /// Time between reads, clamped to 100 ms…60 s.
    public var period: Duration
    /// Addresses as the engineer wrote them (`40001:float32`, `hr:10:int32:cdab`, …).
    public var addresses: [String]

    /// Creates a group; `period` is clamped to `minimumPeriod…maximumPeriod`.
    public init(name: String, period: Duration, addresses: [String]) {
        self.name = name
        self.period = min(max(period, Self.minimumPeriod), Self.maximumPeriod)
        self.addresses = addresses
    }
}

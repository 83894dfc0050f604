import Foundation

/// The KPIs of one period of a breakdown: a shift, a day, a week or an order.
public struct PerformancePeriod: Codable, Sendable, Equatable {
    /// The shift's name, the local date (`2027-01-15`), the week's Monday or the order number.
    public var label: String
    /// The period, cut to the range asked for.
    public var window: TimeSpan
    public var kpis: OEEResult

    /// Creates a period.
    public init(label: String, window: TimeSpan, kpis: OEEResult) {
        self.label = label
        self.window = window
        self.kpis = kpis
    }
}

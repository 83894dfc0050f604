import Foundation

/// The production performance of one equipment over a window, with everything it is computed
/// from that a plant engineer would want to check: the KPIs with their parts, the stops, the
/// loss Pareto and what the counters did.
public struct EquipmentPerformance: Codable, Sendable, Equatable {
    public var equipmentId: UUID
    /// The window asked for, cut at the time of the answer while it is still running.
    public var window: TimeSpan
    /// ISO 22400-2 KPIs with the time buckets and quantities behind them.
    public var kpis: OEEResult
    /// Stops overlapping the window, in time order.
    public var stops: [Stop]
    /// Unplanned stop time of the window by reason, longest first.
    public var pareto: [ParetoEntry]
    /// Counter rollovers, resets and rejected readings seen while counting.
    public var counterEvents: [CounterEvent]

    /// Creates a performance record.
    public init(equipmentId: UUID, window: TimeSpan, kpis: OEEResult, stops: [Stop], pareto: [ParetoEntry], counterEvents: [CounterEvent]) {
        self.equipmentId = equipmentId
        self.window = window
        self.kpis = kpis
        self.stops = stops
        self.pareto = pareto
        self.counterEvents = counterEvents
    }
}

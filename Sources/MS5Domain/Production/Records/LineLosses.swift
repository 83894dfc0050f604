import Foundation

/// Where a line lost time over a range: the Pareto of unplanned stops at its constraint, the
/// unplanned stop time of each of its equipment, and the constraint's unplanned stop time per
/// local day.
public struct LineLosses: Codable, Sendable, Equatable {
    public var lineId: UUID
    public var window: TimeSpan
    /// Unplanned stop time of the constraint by reason, longest first.
    public var pareto: [ParetoEntry]
    /// Unplanned stop time per equipment of the line, longest first.
    public var byEquipment: [EquipmentLoss]
    /// The constraint's unplanned stop time per local day.
    public var dailyTrend: [DailyLoss]

    /// Creates the analysis.
    public init(lineId: UUID, window: TimeSpan, pareto: [ParetoEntry], byEquipment: [EquipmentLoss], dailyTrend: [DailyLoss]) {
        self.lineId = lineId
        self.window = window
        self.pareto = pareto
        self.byEquipment = byEquipment
        self.dailyTrend = dailyTrend
    }
}

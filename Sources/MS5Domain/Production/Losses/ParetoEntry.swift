import Foundation

/// One bar of a stop Pareto: all unplanned stops of one reason.
public struct ParetoEntry: Sendable, Equatable, Hashable, Codable {
    /// The reason code; `nil` for stops without a reason.
    public var reasonCode: String?
    /// The reason's text, "Uncoded" for stops without a reason.
    public var reasonName: String
    /// The category code, `nil` for stops without a reason.
    public var categoryCode: String?
    /// Stops with time in the window.
    public var count: Int
    /// Their planned time within the window, seconds.
    public var duration: TimeInterval
    /// duration / all unplanned stop time in the Pareto.
    public var shareOfStopTime: Double
    /// Running sum of ``shareOfStopTime`` up to and including this entry.
    public var cumulativeShareOfStopTime: Double
    /// duration / planned busy time, `nil` when that is 0.
    public var shareOfPlannedBusyTime: Double?

    /// Creates an entry.
    public init(
        reasonCode: String?,
        reasonName: String,
        categoryCode: String?,
        count: Int,
        duration: TimeInterval,
        shareOfStopTime: Double,
        cumulativeShareOfStopTime: Double,
        shareOfPlannedBusyTime: Double?
    ) {
        self.reasonCode = reasonCode
        self.reasonName = reasonName
        self.categoryCode = categoryCode
        self.count = count
        self.duration = duration
        self.shareOfStopTime = shareOfStopTime
        self.cumulativeShareOfStopTime = cumulativeShareOfStopTime
        self.shareOfPlannedBusyTime = shareOfPlannedBusyTime
    }
}

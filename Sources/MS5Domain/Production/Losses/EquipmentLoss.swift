import Foundation

/// Unplanned stop time of one equipment.
public struct EquipmentLoss: Sendable, Equatable, Hashable, Codable {
    /// The equipment.
    public var equipmentId: String
    /// Stops with time in the window.
    public var count: Int
    /// Their planned time within the window, seconds.
    public var duration: TimeInterval
    /// duration / unplanned stop time of all equipment.
    public var shareOfStopTime: Double

    /// Creates an entry.
    public init(equipmentId: String, count: Int, duration: TimeInterval, shareOfStopTime: Double) {
        self.equipmentId = equipmentId
        self.count = count
        self.duration = duration
        self.shareOfStopTime = shareOfStopTime
    }
}

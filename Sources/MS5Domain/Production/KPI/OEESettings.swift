import Foundation

/// Thresholds of the loss model.
public struct OEESettings: Sendable, Equatable, Hashable, Codable {
    /// Stops shorter than this many seconds are minor stops.
    public var minorStopThreshold: TimeInterval
    /// Rejects counted within this many seconds after a restart (end of a stop,
    /// start of an order, start of planned busy time) are start-up rejects.
    public var startupRejectWindow: TimeInterval

    /// Creates settings; defaults are 120 s minor-stop threshold and 10 min start-up window.
    public init(minorStopThreshold: TimeInterval = 120, startupRejectWindow: TimeInterval = 600) {
        self.minorStopThreshold = minorStopThreshold
        self.startupRejectWindow = startupRejectWindow
    }
}

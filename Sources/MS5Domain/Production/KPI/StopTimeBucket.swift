import Foundation

/// The time bucket a stop's time is counted in.
public enum StopTimeBucket: String, ClosedSet, Equatable, Hashable {
    /// Shorter than the minor-stop threshold.
    case minorStop
    /// A breakdown reason.
    case breakdown
    /// A setup/adjustment reason.
    case setupAndAdjustment
    /// Another coded reason.
    case otherStop
    /// No confirmed or proposed reason, or one missing from the tree.
    case uncoded

    /// The bucket of `stop` under `tree` and `threshold`.
    public init(stop: Stop, tree: StopReasonTree, minorStopThreshold threshold: TimeInterval) {
        if stop.isMinor(threshold: threshold) {
            self = .minorStop
        } else if let classified = stop.effectiveReasonCode.flatMap(tree.classify) {
            switch classified.category.loss {
            case .breakdown: self = .breakdown
            case .setupAndAdjustment: self = .setupAndAdjustment
            case .otherStop: self = .otherStop
            }
        } else {
            self = .uncoded
        }
    }
}

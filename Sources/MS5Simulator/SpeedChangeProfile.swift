import MS5Domain
/// Operator speed adjustments on Bagger 1.
///
/// At exponentially distributed wall-clock intervals the bagger's set speed moves to a new value
/// within `nominal · (1 ± variation)` of the current product's ``ProductSpec/packsPerMinute``,
/// rounded to 0.1 packs/min. A changeover resets the set speed to the new product's nominal rate.
public struct SpeedChangeProfile: Sendable, Hashable, Codable {
    /// Mean time between speed changes, in seconds.
    public var meanInterval: Double
    /// Largest relative deviation from the product's nominal rate (`0.04` = ±4 %).
    public var variation: Double

    /// Creates a speed-change profile.
    public init(meanInterval: Double, variation: Double) {
        precondition(meanInterval > 0, "mean interval must be positive")
        precondition(variation >= 0 && variation < 1, "variation must be in 0..<1")
        self.meanInterval = meanInterval
        self.variation = variation
    }
}

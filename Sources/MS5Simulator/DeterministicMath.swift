import MS5Domain
/// Platform-independent implementations of the few transcendental functions the simulator needs.
///
/// `Foundation.log` may differ in the last bit between C libraries; that would make a seeded run
/// differ between macOS and Linux. These versions use only exact or correctly rounded operations.
public enum DeterministicMath {
    private static let ln2 = 0.693_147_180_559_945_3
    private static let sqrt2 = 1.414_213_562_373_095_1

    /// The natural logarithm of a positive, finite `value` (relative error below 1e-15).
    ///
    /// Splits `value` into `m · 2^e` exactly, folds `m` into `[√½, √2)` and sums the
    /// `atanh` series `ln m = 2 · Σ z^(2n+1)/(2n+1)` with `z = (m − 1)/(m + 1)`.
    public static func naturalLog(_ value: Double) -> Double {
        precondition(value > 0 && value.isFinite, "naturalLog needs a positive finite value")
        var exponent = Double(value.exponent)
        var mantissa = value.significand
        if mantissa > sqrt2 {
            mantissa /= 2
            exponent += 1
        }
        let z = (mantissa - 1) / (mantissa + 1)
        let zSquared = z * z
        var power = z
        var sum = 0.0
        var denominator = 1.0
        for _ in 0 ..< 14 {
            sum += power / denominator
            power *= zSquared
            denominator += 2
        }
        return 2 * sum + exponent * ln2
    }
}

import MS5Domain

/// The distributions the simulator draws from, on top of the shared generator.
extension SplitMix64 {
    /// Returns a uniformly distributed value in `0 ..< 1` with 53 bits of precision.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns an exponentially distributed value with the given mean (memoryless waiting time).
    ///
    /// Uses ``DeterministicMath/naturalLog(_:)`` instead of the platform `log` so that results
    /// do not depend on the C library's last-bit rounding.
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * DeterministicMath.naturalLog(1 - nextUnit())
    }

    /// Returns `true` with probability `probability` (clamped to `0 ... 1`).
    public mutating func nextBernoulli(_ probability: Double) -> Bool {
        nextUnit() < probability
    }

    /// Derives an independent generator for a named purpose, so that adding draws to one
    /// stream (for example rejects) never shifts the draws of another (for example faults).
    public func derived(stream: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: state ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }
}

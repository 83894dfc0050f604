import MS5Domain
/// A small, seedable pseudo-random number generator (the SplitMix64 algorithm).
///
/// The simulator never uses `SystemRandomNumberGenerator`: every random decision comes from
/// generators of this type, so a given seed reproduces the same run bit for bit on every
/// platform. Only integer arithmetic and correctly rounded IEEE-754 operations are used.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal 64-bit state; advancing it by the golden-ratio increment yields the sequence.
    public private(set) var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

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

/// A small, fast, seedable pseudo-random number generator (the SplitMix64 algorithm): equal seeds
/// give equal sequences on every platform. The simulator draws every random decision from it, and
/// the edge its backoff jitter, so that both are reproducible in tests. Not for cryptography.
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
}

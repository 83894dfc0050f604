import MS5Domain
/// How the 64 bits of Bagger 1's `Fault` BOOL[64] array map onto the two 32-bit words the
/// simulator publishes (`Fault.Word0` = `Fault[0]…Fault[31]`, `Fault.Word1` = `Fault[32]…Fault[63]`).
///
/// Word values are published as the *unsigned* bit pattern (`0 ... 4_294_967_295`) in a `Double`,
/// which represents every such integer exactly.
public enum FaultWords {
    /// Number of bits in the `Fault` array.
    public static let bitCount = 64
    /// Number of bits per published word.
    public static let bitsPerWord = 32

    /// The word index and bit-within-word of catalog bit `Fault[bit]`; `59` → `(word: 1, bit: 27)`.
    public static func location(ofBit bit: Int) -> (word: Int, bit: Int) {
        precondition((0 ..< bitCount).contains(bit), "fault bit must be 0...63")
        return (bit / bitsPerWord, bit % bitsPerWord)
    }

    /// Splits a 64-bit mask (bit `N` = `Fault[N]`) into the two published word values.
    public static func words(fromMask mask: UInt64) -> (word0: UInt32, word1: UInt32) {
        (UInt32(truncatingIfNeeded: mask), UInt32(truncatingIfNeeded: mask >> 32))
    }

    /// `true` when `Fault[bit]` is set in the given published word value of word `wordIndex`.
    /// Returns `false` if the bit belongs to the other word.
    public static func isSet(bit: Int, inWord wordIndex: Int, value: Double) -> Bool {
        let location = location(ofBit: bit)
        guard location.word == wordIndex, value >= 0, value < 4_294_967_296 else { return false }
        return (UInt32(value) >> UInt32(location.bit)) & 1 == 1
    }
}

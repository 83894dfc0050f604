/// The position of one bit inside a fault-word tag: word index and bit 0–31.
///
/// Addresses order by word, then bit, so word 1 bit 0 (global bit 32) comes after
/// word 0 bit 31. This order decides first-out among bits rising in the same sample.
public struct FaultAddress: Sendable, Equatable, Hashable, Codable, Comparable {
    /// Number of bits in one fault word.
    public static let bitsPerWord = 32

    /// Zero-based index of the 32-bit word in the fault-word tag.
    public var word: Int
    /// Bit inside the word, 0 (least significant) to 31.
    public var bit: Int

    /// Creates an address; no validation is done here, see ``isValid``.
    public init(word: Int, bit: Int) {
        self.word = word
        self.bit = bit
    }

    /// `word * 32 + bit`: the bit's index when the words are seen as one bit array.
    public var globalBit: Int { word * Self.bitsPerWord + bit }

    /// True when `word >= 0` and `bit` is in `0...31`.
    public var isValid: Bool { word >= 0 && (0..<Self.bitsPerWord).contains(bit) }

    /// Orders by word, then by bit.
    public static func < (lhs: FaultAddress, rhs: FaultAddress) -> Bool {
        (lhs.word, lhs.bit) < (rhs.word, rhs.bit)
    }
}

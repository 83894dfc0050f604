/// One fault-catalog entry: what a bit of a fault-word tag means.
public struct FaultDefinition: Sendable, Equatable, Hashable, Codable {
    /// Zero-based index of the 32-bit word in the fault-word tag.
    public var word: Int
    /// Bit inside the word, 0–31.
    public var bit: Int
    /// Fault code shown to users and stored with events (e.g. "F1203").
    public var code: String
    /// Human-readable description.
    public var text: String
    /// Severity from 1 (lowest) to 5 (highest).
    public var severity: Int
    /// Fault, warning or status.
    public var kind: FaultKind
    /// Internal, upstream or downstream cause.
    public var source: FaultSource

    /// Creates a catalog entry. Use ``isValid`` to check it.
    public init(
        word: Int,
        bit: Int,
        code: String,
        text: String,
        severity: Int,
        kind: FaultKind,
        source: FaultSource
    ) {
        self.word = word
        self.bit = bit
        self.code = code
        self.text = text
        self.severity = severity
        self.kind = kind
        self.source = source
    }

    /// The severity given to synthesized definitions of uncatalogued bits.
    public static let uncataloguedSeverity = 3

    /// The definition synthesized for a bit that has no catalog entry.
    ///
    /// Code `"W<word>.B<bit>"` (e.g. `"W1.B4"`), severity ``uncataloguedSeverity``,
    /// source ``FaultSource/internal`` and the given kind.
    public static func uncatalogued(word: Int, bit: Int, kind: FaultKind) -> FaultDefinition {
        FaultDefinition(
            word: word,
            bit: bit,
            code: "W\(word).B\(bit)",
            text: "Uncatalogued bit \(bit) of fault word \(word)",
            severity: uncataloguedSeverity,
            kind: kind,
            source: .internal
        )
    }

    /// The (word, bit) position of this entry.
    public var address: FaultAddress { FaultAddress(word: word, bit: bit) }

    /// True when the address is valid (word ≥ 0, bit 0–31), the severity is 1–5
    /// and the code is not empty.
    public var isValid: Bool {
        address.isValid && (1...5).contains(severity) && !code.isEmpty
    }
}

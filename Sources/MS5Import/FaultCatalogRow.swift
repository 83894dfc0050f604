import MS5Domain
/// One bit of a fault word array, as defined by a fault catalog row such as
/// `Fault[59],Machine Running,internal`.
public struct FaultCatalogRow: Sendable, Equatable, Hashable {
    /// 1-based physical line of the catalog row.
    public let line: Int
    /// The array tag name, e.g. `Fault` (not the bit operand; see ``operand``).
    public let tag: String
    /// The bit index N of `Fault[N]`.
    public let bitIndex: Int
    /// Index of the 32-bit word holding the bit when the array is read as DINTs: N / 32.
    public let word: Int
    /// Bit within that 32-bit word: N % 32.
    public let bit: Int
    /// Stable fault code `"F<N>"` (e.g. `F59`): the bit index, so codes survive text edits.
    public let code: String
    /// The message text, trimmed.
    public let text: String
    /// Where the fault originates.
    public let source: FaultSource
    /// Fault, warning or status (see ``FaultKind/classify(_:)``).
    public let kind: FaultKind

    /// Creates a definition; `word`, `bit` and `code` are derived from `bitIndex`.
    public init(line: Int, tag: String, bitIndex: Int, text: String, source: FaultSource, kind: FaultKind) {
        self.line = line
        self.tag = tag
        self.bitIndex = bitIndex
        self.word = bitIndex / 32
        self.bit = bitIndex % 32
        self.code = "F\(bitIndex)"
        self.text = text
        self.source = source
        self.kind = kind
    }

    /// The bit operand, e.g. `Fault[59]`.
    public var operand: String { "\(tag)[\(bitIndex)]" }
}

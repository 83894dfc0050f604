/// One address row of an RSLogix 500 symbol/description export.
///
/// Rows that carry only a description (e.g. the `S:` status words) or nothing at all have an
/// empty ``symbol``; they are kept so the row count stays explainable.
public struct SLCSymbol: Sendable, Equatable, Hashable {
    /// 1-based physical line of the row.
    public let line: Int
    /// The parsed address (first column).
    public let address: SLCAddress
    /// The symbol (third column), trimmed; may be empty.
    public let symbol: String
    /// The five description lines joined: non-empty parts trimmed and joined with single spaces.
    public let description: String
    /// The scope column (0 = global in the files seen so far).
    public let scope: Int

    /// Creates a symbol row.
    public init(line: Int, address: SLCAddress, symbol: String, description: String, scope: Int) {
        self.line = line
        self.address = address
        self.symbol = symbol
        self.description = description
        self.scope = scope
    }

    /// True when the row names the address (non-empty ``symbol``).
    public var hasSymbol: Bool { !symbol.isEmpty }
}

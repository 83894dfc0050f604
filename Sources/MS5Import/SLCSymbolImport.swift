/// The result of ``SLCSymbolExport/parse(_:)``.
///
/// Every non-blank record of the file ends up in exactly one of ``symbols``, ``fileLabels`` or
/// ``issues``, so `symbols.count + fileLabels.count + issues.count` equals the record count
/// (the reader's own issues for unreadable records included).
public struct SLCSymbolImport: Sendable, Equatable {
    /// Address rows, in file order.
    public let symbols: [SLCSymbol]
    /// `DFILE:` and `U:` rows naming whole files, in file order.
    public let fileLabels: [SLCFileLabel]
    /// One issue per skipped row.
    public let issues: [ImportIssue]

    /// Creates an import result.
    public init(symbols: [SLCSymbol], fileLabels: [SLCFileLabel], issues: [ImportIssue]) {
        self.symbols = symbols
        self.fileLabels = fileLabels
        self.issues = issues
    }

    /// The row for an address, matched by canonical spelling (`b3:0/8` finds `B3:0/8`).
    public func symbol(at address: String) -> SLCSymbol? {
        guard let wanted = SLCAddress(parsing: address) else { return nil }
        return symbols.first { $0.address.canonicalText == wanted.canonicalText }
    }

    /// The row whose symbol is `name` (case-insensitive).
    public func symbol(named name: String) -> SLCSymbol? {
        let wanted = name.uppercased()
        return symbols.first { $0.hasSymbol && $0.symbol.uppercased() == wanted }
    }

    /// How many symbol rows each file type has.
    public var countsByFileType: [SLCFileType: Int] {
        symbols.reduce(into: [:]) { $0[$1.address.fileType, default: 0] += 1 }
    }
}

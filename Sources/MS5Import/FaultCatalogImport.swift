import MS5Domain
/// The result of ``FaultCatalogCSV/parse(_:tag:bitCount:)``.
public struct FaultCatalogImport: Sendable, Equatable {
    /// Defined bits (faults, warnings and statuses), sorted by bit index, one per bit.
    public let faults: [FaultCatalogRow]
    /// Bit indexes explicitly described as unused ("not defined" …), ascending.
    public let unused: [Int]
    /// One issue per skipped or overridden row.
    public let issues: [ImportIssue]
    /// Size of the bit array the catalog was checked against (64 for `BOOL[64]`).
    public let bitCount: Int

    /// Creates an import result.
    public init(faults: [FaultCatalogRow], unused: [Int], issues: [ImportIssue], bitCount: Int) {
        self.faults = faults
        self.unused = unused
        self.issues = issues
        self.bitCount = bitCount
    }

    /// Bits in `0..<bitCount` that the catalog never mentions (neither defined nor unused);
    /// MS5 should show such a bit by its code only if the PLC ever sets it.
    public var unlisted: [Int] {
        let mentioned = Set(faults.map(\.bitIndex)).union(unused)
        return (0..<max(bitCount, 0)).filter { !mentioned.contains($0) }
    }

    /// The definition of bit `index`, if any.
    public func fault(bit index: Int) -> FaultCatalogRow? {
        faults.first { $0.bitIndex == index }
    }

    /// The definitions of one kind, by bit index.
    public func faults(ofKind kind: FaultKind) -> [FaultCatalogRow] {
        faults.filter { $0.kind == kind }
    }
}

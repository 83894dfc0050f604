import MS5Domain

extension FaultCatalogRow {
    /// The row as an entry of the equipment's fault catalog; severity follows the kind
    /// (fault 4, warning 2, status 1) and can be changed afterwards.
    public var definition: FaultDefinition {
        let severity = switch kind {
        case .fault: 4
        case .warning: 2
        case .status: 1
        }
        return FaultDefinition(word: word, bit: bit, code: code, text: text, severity: severity, kind: kind, source: source)
    }
}

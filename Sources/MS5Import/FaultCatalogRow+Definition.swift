import MS5Domain

extension FaultCatalogRow {
    /// The row as an entry of the equipment's fault catalog; severity is the kind's
    /// ``FaultKind/defaultSeverity`` and can be changed afterwards.
    public var definition: FaultDefinition {
        FaultDefinition(word: word, bit: bit, code: code, text: text, severity: kind.defaultSeverity, kind: kind, source: source)
    }
}

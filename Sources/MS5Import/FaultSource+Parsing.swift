import MS5Domain

extension FaultSource {
    /// Reads a Source column value (`internal`, `Upstream`, ` downstream `), nil for anything else.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmed.lowercased())
    }
}

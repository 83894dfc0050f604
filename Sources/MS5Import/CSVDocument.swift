/// The result of reading CSV text with ``CSVReader``.
public struct CSVDocument: Sendable, Equatable {
    /// Well-formed records in file order. Blank lines produce no record.
    public let records: [CSVRecord]
    /// One issue per record that could not be read (it is then absent from `records`).
    public let issues: [ImportIssue]

    /// Creates a document.
    public init(records: [CSVRecord], issues: [ImportIssue]) {
        self.records = records
        self.issues = issues
    }
}

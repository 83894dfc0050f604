/// One record (row) read by ``CSVReader``.
public struct CSVRecord: Sendable, Equatable, Hashable {
    /// 1-based physical line on which the record starts (a quoted field may span several lines).
    public let line: Int
    /// The unquoted field values, in column order. Never empty for a record returned by the reader.
    public let fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or `""` when the record has fewer fields (never traps).
    public subscript(field index: Int) -> String {
        index >= 0 && index < fields.count ? fields[index] : ""
    }
}

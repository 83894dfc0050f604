/// One problem found while importing a file.
///
/// Importers never throw on bad input: every malformed row is skipped and reported as exactly
/// one `ImportIssue` naming what is wrong, so an operator can fix the source file.
public struct ImportIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 1-based physical line in the file where the offending record starts.
    public let line: Int
    /// Human-readable explanation of what is wrong with the record.
    public let message: String

    /// Creates an issue for the record starting on `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `"line N: message"`, convenient for logs.
    public var description: String { "line \(line): \(message)" }
}

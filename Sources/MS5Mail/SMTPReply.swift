/// One complete reply from an SMTP server (RFC 5321 section 4.2).
///
/// A reply may span several lines (`250-first`, `250 last`); all lines share one code.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The three-digit reply code, for example `250`.
    public var code: Int
    /// The text of every line, without the code, the separator and the line ending.
    public var lines: [String]

    /// Creates a reply from its code and the text of its lines.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The text of all lines joined with a space.
    public var text: String { lines.joined(separator: " ") }

    /// The reply as the server sent it, on one line: `"550 No such user"`.
    public var description: String { text.isEmpty ? "\(code)" : "\(code) \(text)" }
}

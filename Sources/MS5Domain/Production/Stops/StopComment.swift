import Foundation

/// A remark an operator attached to a stop.
public struct StopComment: Sendable, Equatable, Hashable, Codable {
    /// Who wrote it.
    public var author: String
    /// The text, trimmed, 1–1000 characters.
    public var text: String
    /// When it was written.
    public var at: Date

    /// Creates a comment.
    public init(author: String, text: String, at: Date) {
        self.author = author
        self.text = text
        self.at = at
    }
}

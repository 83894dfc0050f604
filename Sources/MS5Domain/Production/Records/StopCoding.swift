import Foundation

/// An operator's coding of a stop: the reason chosen, a comment, who and when.
public struct StopCoding: Codable, Sendable, Equatable {
    public var reasonCode: String
    public var comment: String?
    public var codedBy: String
    public var codedAt: Date

    /// Creates a coding.
    public init(reasonCode: String, comment: String?, codedBy: String, codedAt: Date) {
        self.reasonCode = reasonCode
        self.comment = comment
        self.codedBy = codedBy
        self.codedAt = codedAt
    }
}

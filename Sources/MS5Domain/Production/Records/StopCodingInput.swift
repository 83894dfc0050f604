import Foundation

/// What an operator sends to code a stop: the stop (by its start), a reason from the line's
/// reason tree, and an optional comment.
public struct StopCodingInput: Codable, Sendable, Equatable {
    /// The start of the stop, as listed.
    public var stopStart: Date
    public var reasonCode: String
    public var comment: String?

    /// Creates the input.
    public init(stopStart: Date, reasonCode: String, comment: String? = nil) {
        self.stopStart = stopStart
        self.reasonCode = reasonCode
        self.comment = comment
    }

    /// Refuses the input with every field at fault; the reason must be in `tree`.
    public func validate(tree: StopReasonTree) throws(DomainError) {
        var v = Validator()
        v.check(tree.classify(reasonCode) != nil, "reasonCode", "must be a reason of the line's reason tree")
        v.check((comment?.count ?? 0) <= 1000, "comment", "must be at most 1000 characters")
        try v.finish()
    }
}

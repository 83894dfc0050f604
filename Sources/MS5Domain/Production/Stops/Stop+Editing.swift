import Foundation

/// Operator actions on a stop, as pure functions returning the changed stop or a
/// ``DomainError`` (`invalid` with the fields at fault, or `conflict`).
extension Stop {
    /// Longest comment accepted, in characters.
    public static let maximumCommentLength = 1000

    /// Confirms `reasonCode`, or the proposed reason when it is `nil`.
    ///
    /// Fails when the stop is already confirmed (reclassify instead), when there is
    /// no reason to confirm, when the reason is not in `tree`, or when `at` is
    /// before the stop began.
    public func confirmed(reasonCode: String? = nil, at: Date, tree: StopReasonTree) throws(DomainError) -> Stop {
        guard self.reasonCode == nil else {
            throw DomainError(.conflict, "The stop \(id) is already confirmed; reclassify it instead.")
        }
        guard let code = reasonCode ?? proposedReasonCode else {
            throw DomainError.invalid([FieldViolation(field: "/reasonCode", reason: "is required: the stop has no proposed reason")])
        }
        try checkCoding(code, at: at, tree: tree)
        var result = self
        result.reasonCode = code
        result.codedAt = at
        return result
    }

    /// Gives the stop another reason; the first coding time is kept.
    ///
    /// Fails when the reason is not in `tree`, is already the stop's reason, or
    /// when `at` is before the stop began.
    public func reclassified(as reasonCode: String, at: Date, tree: StopReasonTree) throws(DomainError) -> Stop {
        if reasonCode == effectiveReasonCode {
            throw DomainError.invalid([FieldViolation(field: "/reasonCode", reason: "is already the stop's reason")])
        }
        try checkCoding(reasonCode, at: at, tree: tree)
        var result = self
        result.reasonCode = reasonCode
        result.codedAt = codedAt ?? at
        return result
    }

    /// Splits the stop at `at` into two stops that together cover the same
    /// planned time.
    ///
    /// The first part keeps the identifier, fault, reasons and comments; the second
    /// gets a new identifier and starts uncoded, since a split is made to give the
    /// later part its own reason. Fails unless `at` lies strictly inside the stop
    /// and both parts keep some planned time.
    public func splitting(at: Date) throws(DomainError) -> (first: Stop, second: Stop) {
        let before = plannedSpans.intersection(TimeSpan(start: start, end: at))
        let after = plannedSpans.intersection(TimeSpan(start: at, end: end))
        guard at > start, at < end, let secondStart = after.hull?.start, !before.isEmpty else {
            throw DomainError.invalid([FieldViolation(field: "/at", reason: "must lie strictly inside the stop")])
        }
        var first = self
        first.plannedSpans = before
        first.end = before.hull?.end ?? at
        let second = Stop(
            id: Stop.identifier(equipmentId: equipmentId, start: secondStart),
            equipmentId: equipmentId,
            plannedSpans: after,
            initialState: initialState)
        return (first, second)
    }

    /// Adds a comment by `author`; the text is trimmed and must be 1–1000 characters.
    public func commented(_ text: String, by author: String, at: Date) throws(DomainError) -> Stop {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var found: [FieldViolation] = []
        if trimmed.isEmpty || trimmed.count > Stop.maximumCommentLength {
            found.append(FieldViolation(field: "/text", reason: "must be 1 to \(Stop.maximumCommentLength) characters"))
        }
        if author.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append(FieldViolation(field: "/author", reason: "must not be empty"))
        }
        if !found.isEmpty { throw DomainError.invalid(found) }
        var result = self
        result.comments.append(StopComment(author: author, text: trimmed, at: at))
        return result
    }

    private func checkCoding(_ code: String, at: Date, tree: StopReasonTree) throws(DomainError) {
        var found: [FieldViolation] = []
        if tree.classify(code) == nil {
            found.append(FieldViolation(field: "/reasonCode", reason: "'\(code)' is not in the reason tree"))
        }
        if at < start {
            found.append(FieldViolation(field: "/at", reason: "must not be before the stop began"))
        }
        if !found.isEmpty { throw DomainError.invalid(found) }
    }
}

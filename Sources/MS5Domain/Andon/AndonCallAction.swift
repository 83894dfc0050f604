/// What someone sends to acknowledge, resolve or cancel a call.
public struct AndonCallAction: Codable, Sendable, Equatable {
    /// The status to move to: acknowledged, resolved or cancelled.
    public var status: AndonCallStatus
    /// What was done; required to resolve or cancel.
    public var note: String?

    /// Creates the action.
    public init(status: AndonCallStatus, note: String? = nil) {
        self.status = status
        self.note = note
    }

    /// Checks the fields: a target status other than open, and a note (1–1000 characters) to
    /// resolve or cancel.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(status != .open, "status", "must be acknowledged, resolved or cancelled")
        if status == .resolved || status == .cancelled {
            v.text(note ?? "", "note", maxLength: 1000)
        } else {
            v.optionalText(note, "note", maxLength: 1000)
        }
        try v.finish()
    }
}

import Foundation

/// Closing a human task: completing it, or cancelling it.
extension HumanTask {
    /// Completes the task as `actor` at `now`.
    ///
    /// A claimed task is completed by the person holding the claim; an open one directly by
    /// anyone eligible. `seenRevision` is the revision the person had in front of them: when
    /// the task has changed since (claimed, released, reassigned elsewhere), the completion is
    /// refused, which is how two tablets that were offline cannot both complete the same task —
    /// the second to come back learns who completed it and when. A task that
    /// ``requiresSignature`` needs `signature`: the e-signature of this task by `actor`.
    ///
    /// Fails with `conflict` on a completed or cancelled task, a claim held by someone else or
    /// a stale revision; `forbidden` when an open task's assignee does not include `actor`;
    /// `invalid` (`/signature`) when the signature is missing or is not the actor's of this task.
    public func completed(
        by actor: TaskActor, at now: Date, seenRevision: Int, signature: ElectronicSignature? = nil
    ) throws(DomainError) -> HumanTask {
        try requireActive()
        if status == .claimed, !actor.isUser(claimedBy) {
            throw heldByOther("only they can complete it.")
        }
        guard seenRevision == revision else {
            throw DomainError(
                .conflict,
                "The task changed since you opened it (you saw revision \(seenRevision), it is now at \(revision)); "
                    + "reload it and try again.")
        }
        if status == .open { try requireEligible(actor) }
        try checkSignature(signature, of: actor)
        var result = revised(at: now)
        result.status = .completed
        result.completedBy = actor.username
        result.completedAt = now
        result.completionSignatureId = signature?.id
        return result
    }

    /// Cancels the task: nobody needs to do it any more, for `reason` (1–1000 characters,
    /// trimmed). `username` is whoever cancels it, a person or the workflow engine.
    ///
    /// Fails with `conflict` on a completed or cancelled task, and with `invalid` (`/reason`)
    /// when the reason is blank or too long.
    public func cancelled(by username: String, reason: String, at now: Date) throws(DomainError) -> HumanTask {
        try requireActive()
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var v = Validator()
        v.text(trimmed, "reason", maxLength: Self.maximumReasonLength)
        try v.finish()
        var result = revised(at: now)
        result.status = .cancelled
        result.cancelledBy = username
        result.cancelledAt = now
        result.cancellationReason = trimmed
        return result
    }

    private func checkSignature(_ signature: ElectronicSignature?, of actor: TaskActor) throws(DomainError) {
        var v = Validator()
        if let signature {
            v.check(
                signature.recordId == id && actor.isUser(signature.username), "signature",
                "must be \(actor.username)'s signature of this task")
        } else {
            v.check(!requiresSignature, "signature", "is required: completing this task needs an e-signature")
        }
        try v.finish()
    }
}

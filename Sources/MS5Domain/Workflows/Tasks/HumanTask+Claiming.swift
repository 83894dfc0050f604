import Foundation

/// Taking, giving back and handing on a human task: the lock that keeps two people (or two
/// tablets that were offline) from doing the same work.
extension HumanTask {
    /// Claims the task for `actor` at `now`.
    ///
    /// An open task is claimed by anyone the assignee includes (``TaskAssignee/includes(_:)``);
    /// the person holding the claim may claim again, which renews it from `now`. A claim held by
    /// someone else for less than `claimLifetime` seconds is refused with a conflict naming who
    /// holds it and since when; an older one is taken over.
    ///
    /// Fails with `conflict` on a completed or cancelled task or a live claim of someone else,
    /// and `forbidden` when the assignee does not include `actor`.
    public func claimed(by actor: TaskActor, at now: Date, claimLifetime: TimeInterval) throws(DomainError) -> HumanTask {
        try requireActive()
        try requireEligible(actor)
        if status == .claimed, !actor.isUser(claimedBy), let claimedAt, now.timeIntervalSince(claimedAt) < claimLifetime {
            let lapses = claimedAt.addingTimeInterval(claimLifetime)
            throw heldByOther("it can be taken over from \(lapses.ISO8601Format()).")
        }
        var result = revised(at: now)
        result.status = .claimed
        result.claimedBy = actor.username
        result.claimedAt = now
        return result
    }

    /// Gives the claim back: the task is open again for anyone eligible.
    ///
    /// Fails with `conflict` unless `actor` holds the claim of an active task.
    public func released(by actor: TaskActor, at now: Date) throws(DomainError) -> HumanTask {
        try requireActive()
        guard status == .claimed else {
            throw DomainError(.conflict, "The task is not claimed, so there is no claim to release.")
        }
        guard actor.isUser(claimedBy) else {
            throw heldByOther("only they can release it.")
        }
        var result = revised(at: now)
        result.status = .open
        result.claimedBy = nil
        result.claimedAt = nil
        return result
    }

    /// Hands the task to `assignee`; any claim is released, so the task is open for the people
    /// the new assignee includes. The due date and escalation level stay.
    ///
    /// Fails with `conflict` on a completed or cancelled task, and with `invalid` (`/assignee`)
    /// when `assignee` is the current one or names nobody.
    public func reassigned(to assignee: TaskAssignee, at now: Date) throws(DomainError) -> HumanTask {
        try requireActive()
        var v = Validator()
        v.check(assignee != self.assignee, "assignee", "is already the task's assignee")
        assignee.check(&v, field: "assignee")
        try v.finish()
        var result = revised(at: now)
        result.assignee = assignee
        result.status = .open
        result.claimedBy = nil
        result.claimedAt = nil
        return result
    }

    /// Whether `actor` may claim the task, or complete it while it is open.
    public func isEligible(_ actor: TaskActor) -> Bool {
        assignee.includes(actor)
    }

    func requireEligible(_ actor: TaskActor) throws(DomainError) {
        guard isEligible(actor) else {
            throw DomainError(.forbidden, "The task is for \(assignee.recipient), which does not include \(actor.username).")
        }
    }
}

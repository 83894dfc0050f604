import Foundation

/// A piece of work a workflow asks of people — a tier-board action, a CIL routine, a centerline
/// deviation to handle — with who it is for, when it is due, who holds it and how far it has
/// been escalated.
///
/// Changes are pure functions returning the changed task (``claimed(by:at:claimLifetime:)``,
/// ``completed(by:at:seenRevision:signature:)`` and the others); each adds 1 to ``revision``,
/// which storage uses for optimistic concurrency. Escalation alone leaves the revision as it
/// is, so a person who opened the task before it escalated can still complete it.
public struct HumanTask: Codable, Sendable, Equatable, Identifiable {
    /// Longest title accepted, in characters.
    public static let maximumTitleLength = 200
    /// Longest cancellation reason accepted, in characters.
    public static let maximumReasonLength = 1000

    /// The task's id.
    public let id: UUID
    /// The workflow instance that raised the task and waits for it.
    public let workflowInstanceId: UUID
    /// The site the task is at: who may see it, and the time zone its due date is counted in.
    public let siteId: UUID
    /// The line the task is on, whose shifts its due date follows; nil for a task of the site.
    public let lineId: UUID?
    /// What kind of task this is, a key such as `dds.action` or `cil.routine`.
    public var type: String
    /// What to do, in a line the people it is for understand.
    public var title: String
    /// Who the task is for.
    public var assignee: TaskAssignee
    /// How urgent it is; it decided ``dueAt``.
    public var priority: TaskPriority
    /// When the task falls due; nil for priority 6.
    public var dueAt: Date?
    /// Open, claimed, completed or cancelled.
    public var status: HumanTaskStatus
    /// Who holds the claim (username), while ``status`` is claimed, and who held it last once
    /// the task is completed or cancelled.
    public var claimedBy: String?
    /// When the claim was taken or last renewed.
    public var claimedAt: Date?
    /// Who completed the task (username).
    public var completedBy: String?
    /// When it was completed.
    public var completedAt: Date?
    /// The e-signature given on completion, when one was given.
    public var completionSignatureId: UUID?
    /// Who cancelled the task: a username, or the workflow engine's name for itself.
    public var cancelledBy: String?
    /// When it was cancelled.
    public var cancelledAt: Date?
    /// Why the task was cancelled.
    public var cancellationReason: String?
    /// How many levels of the escalation chain the task has reached: 0 until it is escalated.
    public var escalationLevel: Int
    /// 1 when opened, 1 more with every change by a person.
    public var revision: Int
    /// Whether completing the task needs an e-signature of the person completing it.
    public var requiresSignature: Bool
    /// When the task was opened.
    public let createdAt: Date
    /// When it last changed, escalation included.
    public var updatedAt: Date

    /// Creates a task record.
    public init(
        id: UUID, workflowInstanceId: UUID, siteId: UUID, lineId: UUID?, type: String, title: String, assignee: TaskAssignee,
        priority: TaskPriority, dueAt: Date?, status: HumanTaskStatus, claimedBy: String? = nil, claimedAt: Date? = nil, completedBy: String? = nil,
        completedAt: Date? = nil, completionSignatureId: UUID? = nil, cancelledBy: String? = nil, cancelledAt: Date? = nil,
        cancellationReason: String? = nil, escalationLevel: Int = 0, revision: Int, requiresSignature: Bool,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workflowInstanceId = workflowInstanceId
        self.siteId = siteId
        self.lineId = lineId
        self.type = type
        self.title = title
        self.assignee = assignee
        self.priority = priority
        self.dueAt = dueAt
        self.status = status
        self.claimedBy = claimedBy
        self.claimedAt = claimedAt
        self.completedBy = completedBy
        self.completedAt = completedAt
        self.completionSignatureId = completionSignatureId
        self.cancelledBy = cancelledBy
        self.cancelledAt = cancelledAt
        self.cancellationReason = cancellationReason
        self.escalationLevel = escalationLevel
        self.revision = revision
        self.requiresSignature = requiresSignature
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// A new open task at revision 1 at the site `siteId` (on the line `lineId`, if any), due as
    /// `dueDates` (the rule of that line, or of the site) says for `priority` raised at `now`.
    ///
    /// Fails with every field at fault: a type that is not a key (1–32 letters, digits, `-`,
    /// `_` or `.`), a blank or too long title, an assignee with a blank name.
    public static func opened(
        id: UUID, workflowInstanceId: UUID, siteId: UUID, lineId: UUID?, type: String, title: String, assignee: TaskAssignee,
        priority: TaskPriority, requiresSignature: Bool, at now: Date, dueDates: DueDateRule
    ) throws(DomainError) -> HumanTask {
        var v = Validator()
        v.code(type, "type")
        v.text(title, "title", maxLength: maximumTitleLength)
        assignee.check(&v, field: "assignee")
        try v.finish()
        return HumanTask(
            id: id, workflowInstanceId: workflowInstanceId, siteId: siteId, lineId: lineId, type: type, title: title,
            assignee: assignee, priority: priority, dueAt: dueDates.dueDate(for: priority, raisedAt: now), status: .open, revision: 1,
            requiresSignature: requiresSignature, createdAt: now, updatedAt: now)
    }

    /// This task one revision later, changed at `now`.
    func revised(at now: Date) -> HumanTask {
        var result = self
        result.revision += 1
        result.updatedAt = now
        return result
    }

    /// Refuses any change to a completed or cancelled task, saying who closed it and when.
    func requireActive() throws(DomainError) {
        switch status {
        case .open, .claimed:
            return
        case .completed:
            let when = completedAt.map { " at \($0.ISO8601Format())" } ?? ""
            throw DomainError(.conflict, "The task was already completed by \(completedBy ?? "someone")\(when).")
        case .cancelled:
            let when = cancelledAt.map { " at \($0.ISO8601Format())" } ?? ""
            throw DomainError(.conflict, "The task was cancelled by \(cancelledBy ?? "someone")\(when).")
        }
    }

    /// The refusal while someone else holds the claim: who holds it and since when, then what
    /// that means for the caller (`consequence`).
    func heldByOther(_ consequence: String) -> DomainError {
        let since = claimedAt.map { " since \($0.ISO8601Format())" } ?? ""
        return DomainError(.conflict, "The task is claimed by \(claimedBy ?? "someone")\(since); \(consequence)")
    }
}

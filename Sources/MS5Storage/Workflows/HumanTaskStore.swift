import Foundation
import MS5Domain
import SQLKit

/// Human tasks as people work them: read, listed, claimed, released, completed (with an
/// e-signature where the task needs one), cancelled and reassigned, and escalated when overdue.
///
/// Every change by a person is a compare-and-set on the task's revision: the person sends the
/// revision they saw, and a task that changed since — another tablet claimed or completed it
/// while this one was offline — is refused with a conflict saying what happened, leaving the
/// other's work as it is. Each change writes its audit entry and its `workflow.task.*.v1` event
/// in its own transaction.
public struct HumanTaskStore: Sendable {
    /// How long a claim keeps others off a task before they may take it over: a shift, 8 h.
    public static let defaultClaimLifetime: TimeInterval = 8 * 3600

    let database: Database
    let claimLifetime: TimeInterval
    let clock: @Sendable () -> Date

    /// Creates the store over `database`, with claims that last `claimLifetime` seconds; `clock`
    /// tells the time (default: now, to the second; tests pass their own).
    public init(database: Database, claimLifetime: TimeInterval = defaultClaimLifetime, clock: (@Sendable () -> Date)? = nil) {
        self.database = database
        self.claimLifetime = claimLifetime
        self.clock = clock ?? { RecordClock.now() }
    }

    /// The task `id`.
    public func get(_ id: UUID) async throws -> HumanTask {
        try await database.read { db in try await HumanTaskRows.require(db, id: id).task }
    }

    /// The person `user` as tasks see them: their role and the teams they are a member of.
    public func actor(for user: User) async throws -> TaskActor {
        try await database.read { db in
            TaskActor(username: user.username, roles: [user.role], teams: try await HumanTaskAssignees.teams(of: user.username, db))
        }
    }

    /// Claims the task for `actor`, or renews their claim.
    public func claim(_ id: UUID, by actor: TaskActor, seenRevision: Int) async throws -> HumanTask {
        let lifetime = claimLifetime
        return try await change(id, .claimed, by: actor.username, seenRevision: seenRevision) { task, now, _ in
            try task.claimed(by: actor, at: now, claimLifetime: lifetime)
        }
    }

    /// Gives `actor`'s claim back: the task is open again.
    public func release(_ id: UUID, by actor: TaskActor, seenRevision: Int) async throws -> HumanTask {
        try await change(id, .released, by: actor.username, seenRevision: seenRevision) { task, now, _ in
            try task.released(by: actor, at: now)
        }
    }

    /// Completes the task as `actor`, signed by `signer` — the same person, whose password (and
    /// second factor) the caller has just checked — when given.
    ///
    /// A task that needs a signature is refused without one (`invalid`, `/password`). The
    /// signature (meaning `authored`) binds the task as completed, and is written with the
    /// completion in one transaction.
    public func complete(_ id: UUID, by actor: TaskActor, seenRevision: Int, signer: User? = nil) async throws -> HumanTask {
        try await change(id, .completed, by: actor.username, seenRevision: seenRevision) { task, now, db in
            guard let signer else {
                do {
                    return try task.completed(by: actor, at: now, seenRevision: seenRevision)
                } catch let error as DomainError where error.violations.contains(where: { $0.field == "/signature" }) {
                    throw DomainError.invalid([FieldViolation(
                        field: "/password", reason: "is required: completing this task needs your e-signature (password, and TOTP code when you have one)")])
                }
            }
            let signatureId = UUID()
            let intended = ElectronicSignature(
                id: signatureId, recordType: HumanTask.signedRecordType, recordId: task.id, recordHash: "", userId: signer.id,
                username: signer.username, displayName: signer.displayName, meaning: .authored, signedAt: now)
            let completed = try task.completed(by: actor, at: now, seenRevision: seenRevision, signature: intended)
            _ = try await SignatureStore.sign(completed, signatureId: signatureId, by: signer, meaning: .authored, at: now, on: db)
            return completed
        }
    }

    /// Cancels the task for `reason`, as `actor` (a shift lead: the caller checks the role).
    public func cancel(_ id: UUID, by actor: TaskActor, seenRevision: Int, reason: String) async throws -> HumanTask {
        try await change(id, .cancelled, by: actor.username, seenRevision: seenRevision) { task, now, _ in
            try task.cancelled(by: actor.username, reason: reason, at: now)
        }
    }

    /// Hands the task to `assignee` (an existing account, a role or an existing team), as `actor`.
    public func reassign(_ id: UUID, to assignee: TaskAssignee, by actor: TaskActor, seenRevision: Int) async throws -> HumanTask {
        try await change(id, .reassigned, by: actor.username, seenRevision: seenRevision) { task, now, db in
            try task.reassigned(to: try await HumanTaskAssignees.known(assignee, db, field: "assignee"), at: now)
        }
    }

    /// Applies `transition` to the task `id` at the clock's time in one transaction, and saves it
    /// if the task is still at `seenRevision`; records the step as `kind` by `username`.
    ///
    /// The transition runs first, so that a task already completed, cancelled or claimed by
    /// someone else is refused saying so; a task changed in any other way since the person saw it
    /// is refused as stale.
    private func change(
        _ id: UUID, _ kind: HumanTaskEvent.Kind, by username: String, seenRevision: Int,
        _ transition: @escaping @Sendable (HumanTask, Date, any SQLDatabase) async throws -> HumanTask
    ) async throws -> HumanTask {
        let now = clock()
        return try await database.transaction { db in
            let before = try await HumanTaskRows.require(db, id: id, lock: true).task
            let changed = try await transition(before, now, db)
            guard seenRevision == before.revision else {
                throw DomainError(
                    .conflict,
                    "The task changed since you opened it (you saw revision \(seenRevision), it is now at \(before.revision)); "
                        + "reload it and try again.")
            }
            guard let saved = try await HumanTaskRows.update(db, changed, from: before.revision) else {
                throw DomainError(.conflict, "The task changed meanwhile; reload it and try again.")
            }
            try await HumanTaskHistory.record(db, HumanTaskEvent(kind: kind, task: saved.task, actor: username), before: before)
            return saved.task
        }
    }
}

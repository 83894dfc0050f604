import Foundation
import MS5Domain
import SQLKit

/// Moving a call to its next level when its escalation timer fires.
extension AndonCallStore {
    /// Escalates the call whose ``AndonWorkflow`` instance set `timer`, in the transaction that
    /// fires it: the call moves to its next level, that level's notifications are queued, the
    /// step is audited and announced (`andon.escalated.v1`), and the next level's timer is set.
    /// Answers the escalation, or nil when the policy no longer escalates the call (it stays at
    /// its level, its timer cleared).
    ///
    /// The new level counts from when the old one ran out (the timer's time), so a pause of the
    /// engine does not stretch the schedule. Fails with `conflict` when a person changed the call
    /// meanwhile: the firing rolls back and the engine tries again, reading the call anew.
    public static func escalate(firing timer: DurableTimer, in flow: WorkflowTransaction) async throws -> AndonEvent? {
        let instance = try await flow.instance(timer.instanceId)
        guard let callId = UUID(uuidString: instance.subject.recordId) else {
            throw StorageError(.corrupt, "The Andon workflow instance \(instance.id) is about '\(instance.subject.recordId)', which is no call id.")
        }
        let db = flow.db
        let seen = try await require(db, id: callId)
        var call = seen
        let policy = try await EscalationPolicyStore.policy(db, lineId: call.lineId, category: call.category, priority: call.priority)
        let next = call.level + 1
        var recipients: EscalationLevel?
        if let policy, policy.keepsEscalating(call.status), next <= policy.levels.count {
            call.level = next
            call.levelReachedAt = timer.fireAt
            call.nextEscalationAt = policy.nextEscalation(fromLevel: next, reachedAt: timer.fireAt)
            recipients = policy.levels[next - 1]
        } else {
            call.nextEscalationAt = nil
        }
        let moved = try await db.update("andon_calls")
            .set("level", to: SQLBind(call.level)).set("level_reached_at", to: SQLBind(call.levelReachedAt))
            .set("next_escalation_at", to: call.nextEscalationAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .where("id", .equal, call.id).where("level", .equal, seen.level).where("status", .equal, seen.status.rawValue)
            .returning("id").all()
        guard !moved.isEmpty else {
            throw DomainError(.conflict, "The Andon call \(call.id) changed while it was being escalated; it is escalated again shortly.")
        }
        try await AuditLedger.record(
            db, action: "escalate", recordType: "Andon call", recordId: call.id.uuidString.lowercased(), before: seen, after: call)
        guard let recipients else { return nil }
        if call.status == .open {
            _ = try await flow.advance(instance.id, to: AndonWorkflow.step(atLevel: call.level))
        }
        if let nextAt = call.nextEscalationAt {
            _ = try await flow.schedule(AndonWorkflow.escalationPurpose, at: nextAt, for: instance.id)
        }
        try await queue(db, AndonNotification.announcing(callId: call.id, level: call.level, of: recipients, at: flow.now))
        return try await announce(db, AndonEvent(kind: .escalated, call: call, recipients: recipients))
    }
}

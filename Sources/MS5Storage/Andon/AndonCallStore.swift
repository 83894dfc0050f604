import Foundation
import MS5Domain
import SQLKit

/// Andon calls: raising, acknowledging, resolving and cancelling them, and the board.
///
/// Each call runs as an instance of ``AndonWorkflow`` on the durable workflow core, started with
/// the call and ended with it; its next escalation is a durable timer of that instance, set and
/// cancelled in the transaction of the call's change and fired by the workflow engine
/// (``escalate(firing:in:)``), so with several ms5 instances on one database exactly one of them
/// escalates a call and queues its messages.
public struct AndonCallStore: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    /// Creates the store over `database`; `clock` tells the time (tests pass their own).
    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// Raises a call for someone on the floor; the equipment, when named, must be of the line.
    public func raise(_ input: AndonCallInput, by username: String) async throws -> AndonEvent {
        try input.validate()
        let now = clock()
        return try await database.transaction { db in
            _ = try await ParentCheck.require(LineRepository.table, db, id: input.lineId, field: "lineId")
            if let equipmentId = input.equipmentId {
                let equipment = try await ParentCheck.require(EquipmentRepository.table, db, id: equipmentId, field: "equipmentId")
                guard equipment.lineId == input.lineId else {
                    throw DomainError.invalid([FieldViolation(field: "/equipmentId", reason: "must be equipment of the line")])
                }
            }
            let call = AndonCall(
                id: UUID(), lineId: input.lineId, equipmentId: input.equipmentId, category: input.category, priority: input.priority,
                text: input.text, trigger: .person, cause: nil, status: .open, level: 1, levelReachedAt: now, nextEscalationAt: nil,
                raisedBy: username, raisedAt: now)
            return try await Self.insert(db, call)
        }
    }

    /// Raises a call for a rule on its equipment, unless a rule-raised call of the same category
    /// is still open for it, or a call was already raised for the same `cause`: then nil.
    public func raise(by rule: AndonRule, cause: String, text: String) async throws -> AndonEvent? {
        let now = clock()
        do {
            return try await database.transaction { db -> AndonEvent? in
                let equipment = try await EquipmentRepository.table.require(db, id: rule.equipmentId)
                guard try await Self.openRuleCall(db, equipmentId: rule.equipmentId, category: rule.category) == nil else { return nil }
                let raisedBefore = try await db.select().column("id").from("andon_calls").where("equipment_id", .equal, rule.equipmentId)
                    .where("category", .equal, rule.category.rawValue).where("cause", .equal, cause).first()
                guard raisedBefore == nil else { return nil }
                let call = AndonCall(
                    id: UUID(), lineId: equipment.lineId, equipmentId: equipment.id, category: rule.category, priority: rule.priority,
                    text: String(text.prefix(AndonCallInput.maximumText)), trigger: rule.trigger, cause: cause, status: .open, level: 1,
                    levelReachedAt: now, nextEscalationAt: nil, raisedBy: "rule", raisedAt: now)
                return try await Self.insert(db, call)
            }
        } catch {
            // Another instance raised the same call first: the unique index refused this one.
            let open = try await database.read { db in
                try await Self.openRuleCall(db, equipmentId: rule.equipmentId, category: rule.category)
            }
            if open != nil { return nil }
            throw error
        }
    }

    /// Moves a call on: acknowledge, resolve (with a note) or cancel (with a note).
    public func act(_ id: UUID, _ action: AndonCallAction, by username: String) async throws -> AndonEvent {
        try action.validate()
        let now = clock()
        return try await database.transaction { db in
            var call = try await Self.require(db, id: id)
            let before = call
            guard call.status.allows(action.status) else {
                throw DomainError(.conflict, "The call is \(call.status.rawValue); it cannot be \(action.status.rawValue) now.")
            }
            let previous = call.status
            call.status = action.status
            switch action.status {
            case .acknowledged:
                call.acknowledgedBy = username
                call.acknowledgedAt = now
            case .resolved:
                call.resolvedBy = username
                call.resolvedAt = now
                call.resolutionNote = action.note
            case .cancelled:
                call.cancelledBy = username
                call.cancelledAt = now
                call.resolutionNote = action.note
            case .open:
                break
            }
            let policy = try await EscalationPolicyStore.policy(db, lineId: call.lineId, category: call.category, priority: call.priority)
            if policy?.keepsEscalating(call.status) != true { call.nextEscalationAt = nil }
            try await Self.follow(call, in: WorkflowTransaction(db: db, now: now))
            let updated = try await db.update("andon_calls")
                .set(model: call, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .where("id", .equal, id).where("status", .equal, previous.rawValue)
                .returning("id").all()
            guard !updated.isEmpty else { throw DomainError(.conflict, "The call changed meanwhile; reload it and try again.") }
            try await AuditLedger.record(
                db, action: action.status.rawValue, recordType: "Andon call", recordId: id.uuidString.lowercased(), before: before, after: call)
            let kind: AndonEvent.Kind = switch action.status {
            case .acknowledged: .acknowledged
            case .resolved: .resolved
            default: .cancelled
            }
            return try await Self.announce(db, AndonEvent(kind: kind, call: call))
        }
    }

    /// The call with `id`.
    public func get(_ id: UUID) async throws -> AndonCall {
        try await database.read { db in try await Self.require(db, id: id) }
    }

    /// Calls newest first: of one line or all, only the open and acknowledged ones or every one.
    public func list(lineId: UUID? = nil, activeOnly: Bool, limit: Int = 200) async throws -> [AndonCall] {
        try await database.read { db in
            var query = db.select().column("*").from("andon_calls")
            if let lineId { query = query.where("line_id", .equal, lineId) }
            if activeOnly { query = query.where("status", .in, [AndonCallStatus.open.rawValue, AndonCallStatus.acknowledged.rawValue]) }
            return try await query.orderBy("raised_at", .descending).limit(limit)
                .all(decoding: AndonCall.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// The open and acknowledged calls of every line, oldest first, with how long each has waited
    /// and who has it.
    public func board() async throws -> AndonBoard {
        let now = clock()
        return try await database.read { db in
            let calls = try await db.select().column("*").from("andon_calls")
                .where("status", .in, [AndonCallStatus.open.rawValue, AndonCallStatus.acknowledged.rawValue])
                .orderBy("raised_at").limit(1000)
                .all(decoding: AndonCall.self, keyDecodingStrategy: .convertFromSnakeCase)
            var lines: [AndonBoard.Line] = []
            for (lineId, group) in Dictionary(grouping: calls, by: \.lineId) {
                let line = try await LineRepository.table.require(db, id: lineId)
                var entries: [AndonBoard.Entry] = []
                for call in group {
                    let policy = try await EscalationPolicyStore.policy(db, lineId: call.lineId, category: call.category, priority: call.priority)
                    let level = policy.flatMap { $0.levels.indices.contains(call.level - 1) ? $0.levels[call.level - 1] : nil }
                    entries.append(AndonBoard.Entry(
                        call: call, elapsedSeconds: max(0, Int(now.timeIntervalSince(call.raisedAt))), heldBy: AndonBoard.holders(of: call, level: level)))
                }
                lines.append(AndonBoard.Line(lineId: lineId, lineCode: line.code, calls: entries.sorted { $0.call.raisedAt < $1.call.raisedAt }))
            }
            return AndonBoard(generatedAt: now, lines: lines.sorted { $0.lineCode < $1.lineCode })
        }
    }

    private static func insert(_ db: any SQLDatabase, _ raised: AndonCall) async throws -> AndonEvent {
        var call = raised
        let policy = try await EscalationPolicyStore.policy(db, lineId: call.lineId, category: call.category, priority: call.priority)
        call.nextEscalationAt = policy?.nextEscalation(fromLevel: 1, reachedAt: call.raisedAt)
        try await db.insert(into: "andon_calls").model(call, keyEncodingStrategy: .convertToSnakeCase).run()
        try await AuditLedger.record(db, action: "raise", recordType: "Andon call", recordId: call.id.uuidString.lowercased(), before: AndonCall?.none, after: call)
        let flow = WorkflowTransaction(db: db, now: call.raisedAt)
        let instance = try await flow.start(AndonWorkflow.definition, firstStep: AndonWorkflow.step(atLevel: 1), subject: AndonWorkflow.subject(of: call.id))
        if let next = call.nextEscalationAt {
            _ = try await flow.schedule(AndonWorkflow.escalationPurpose, at: next, for: instance.id)
        }
        let recipients = policy?.levels.first
        if let recipients {
            try await queue(db, AndonNotification.announcing(callId: call.id, level: 1, of: recipients, at: call.raisedAt))
        }
        return try await announce(db, AndonEvent(kind: .triggered, call: call, recipients: recipients))
    }

    /// Moves the call's workflow instance along with a person's action: an acknowledged call
    /// waits at its own step, its escalation timer cancelled unless the policy escalates it
    /// further; a resolved or cancelled call ends its instance, and with it every timer.
    private static func follow(_ call: AndonCall, in flow: WorkflowTransaction) async throws {
        // Calls that ended before the workflow core took their escalation have no instance.
        guard let instance = try await flow.running(AndonWorkflow.definition.name, about: AndonWorkflow.subject(of: call.id)) else { return }
        switch call.status {
        case .acknowledged:
            _ = try await flow.advance(instance.id, to: AndonWorkflow.acknowledgedStep)
            if call.nextEscalationAt == nil {
                try await flow.cancelTimers(of: instance.id, purpose: AndonWorkflow.escalationPurpose)
            }
        case .resolved:
            _ = try await flow.finish(instance.id, as: .completed)
        case .cancelled:
            _ = try await flow.finish(instance.id, as: .cancelled)
        case .open:
            break
        }
    }

    /// Writes a step of a call to the outbox in its transaction, and answers it.
    static func announce(_ db: any SQLDatabase, _ event: AndonEvent) async throws -> AndonEvent {
        try await Outbox.append(db, try CanonicalEvent.andon(event, siteId: try await EventPlacements.siteOfLine(db, id: event.call.lineId)))
        return event
    }

    static func queue(_ db: any SQLDatabase, _ notifications: [AndonNotification]) async throws {
        guard !notifications.isEmpty else { return }
        try await db.insert(into: "andon_notifications").models(notifications, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    private static func openRuleCall(_ db: any SQLDatabase, equipmentId: UUID, category: AndonCategory) async throws -> UUID? {
        try await db.select().column("id").from("andon_calls").where("equipment_id", .equal, equipmentId)
            .where("category", .equal, category.rawValue).where(SQLIdentifier("trigger"), .notEqual, AndonTrigger.person.rawValue)
            .where("status", .in, [AndonCallStatus.open.rawValue, AndonCallStatus.acknowledged.rawValue])
            .first(decodingColumn: "id", as: UUID.self)
    }

    static func require(_ db: any SQLDatabase, id: UUID) async throws -> AndonCall {
        guard let call = try await db.select().column("*").from("andon_calls").where("id", .equal, id)
            .first(decoding: AndonCall.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw DomainError.notFound("Andon call", id: id) }
        return call
    }
}

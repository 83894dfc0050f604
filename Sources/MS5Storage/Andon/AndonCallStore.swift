import Foundation
import MS5Domain
import SQLKit

/// Andon calls: raising, acknowledging, resolving and cancelling them, the board, and moving due
/// calls to their next escalation level.
///
/// Escalation timers live in the calls' rows. Each escalation is a compare-and-set on the call's
/// level, and the level's notifications are written in the same transaction, so with several ms5
/// instances on one database exactly one of them escalates a call and queues its messages.
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

    /// Moves every call whose timer has run out to its next level and queues that level's
    /// notifications. A call another instance moved first is left to it.
    public func escalateDue(limit: Int = 100) async throws -> [AndonEvent] {
        let now = clock()
        let due = try await database.read { db in
            try await db.select().column("*").from("andon_calls")
                .where("next_escalation_at", .lessThanOrEqual, SQLBind(now)).orderBy("next_escalation_at").limit(limit)
                .all(decoding: AndonCall.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var events: [AndonEvent] = []
        for call in due {
            if let event = try await escalate(call) { events.append(event) }
        }
        return events
    }

    private func escalate(_ seen: AndonCall) async throws -> AndonEvent? {
        try await database.transaction { db -> AndonEvent? in
            guard let due = seen.nextEscalationAt else { return nil }
            var call = seen
            let policy = try await EscalationPolicyStore.policy(db, lineId: call.lineId, category: call.category, priority: call.priority)
            let next = call.level + 1
            let recipients: EscalationLevel?
            if let policy, policy.keepsEscalating(call.status), next <= policy.levels.count {
                call.level = next
                // The new level counts from when the old one ran out, so a pause of the
                // escalator does not stretch the schedule.
                call.levelReachedAt = due
                call.nextEscalationAt = policy.nextEscalation(fromLevel: next, reachedAt: due)
                recipients = policy.levels[next - 1]
            } else {
                call.nextEscalationAt = nil
                recipients = nil
            }
            let moved = try await db.update("andon_calls")
                .set("level", to: SQLBind(call.level)).set("level_reached_at", to: SQLBind(call.levelReachedAt))
                .set("next_escalation_at", to: call.nextEscalationAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .where("id", .equal, call.id).where("level", .equal, seen.level).where("status", .equal, seen.status.rawValue)
                .returning("id").all()
            guard !moved.isEmpty else { return nil }
            try await AuditLedger.record(
                db, action: "escalate", recordType: "Andon call", recordId: call.id.uuidString.lowercased(), before: seen, after: call)
            guard let recipients else { return nil }
            try await Self.queue(db, AndonNotification.announcing(callId: call.id, level: call.level, of: recipients, at: clock()))
            return try await Self.announce(db, AndonEvent(kind: .escalated, call: call, recipients: recipients))
        }
    }

    private static func insert(_ db: any SQLDatabase, _ raised: AndonCall) async throws -> AndonEvent {
        var call = raised
        let policy = try await EscalationPolicyStore.policy(db, lineId: call.lineId, category: call.category, priority: call.priority)
        call.nextEscalationAt = policy?.nextEscalation(fromLevel: 1, reachedAt: call.raisedAt)
        try await db.insert(into: "andon_calls").model(call, keyEncodingStrategy: .convertToSnakeCase).run()
        try await AuditLedger.record(db, action: "raise", recordType: "Andon call", recordId: call.id.uuidString.lowercased(), before: AndonCall?.none, after: call)
        let recipients = policy?.levels.first
        if let recipients {
            try await queue(db, AndonNotification.announcing(callId: call.id, level: 1, of: recipients, at: call.raisedAt))
        }
        return try await announce(db, AndonEvent(kind: .triggered, call: call, recipients: recipients))
    }

    /// Writes a step of a call to the outbox in its transaction, and answers it.
    private static func announce(_ db: any SQLDatabase, _ event: AndonEvent) async throws -> AndonEvent {
        try await Outbox.append(db, try CanonicalEvent.andon(event, siteId: try await EventPlacements.siteOfLine(db, id: event.call.lineId)))
        return event
    }

    private static func queue(_ db: any SQLDatabase, _ notifications: [AndonNotification]) async throws {
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

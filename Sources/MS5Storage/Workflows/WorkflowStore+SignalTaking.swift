import Foundation
import MS5Domain
import MS5JSON
import SQLKit

/// Giving waiting signal waits their signal: from machine events in the outbox, from the counts
/// of equipment, from people. A wait takes one signal, by compare-and-set, however often the
/// same event is handed over; it is delivered afterwards (``deliverTaken(limit:handler:)``).
extension WorkflowStore {
    /// Gives the waits the state changes and faults of `batch` match their signal, in one
    /// transaction; answers the waits that took one. A wait takes only an event later in the
    /// outbox than its start, and the earliest of those that match.
    public func takeSignals(from batch: [RecordedEvent]) async throws -> [SignalWait] {
        let now = clock()
        return try await database.transaction { db in
            var taken: [SignalWait] = []
            for recorded in batch {
                guard let equipmentId = recorded.event.placement.equipmentId, let machine = try Self.machineSignal(recorded) else { continue }
                for wait in try await SignalWaitRows.waiting(db, kind: machine.kind, equipmentId: equipmentId, before: recorded.position)
                where machine.matches(wait.matcher) {
                    if let took = try await Self.take(db, wait, signal: machine.signal, at: now) { taken.append(took) }
                }
            }
            return taken
        }
    }

    /// Gives each count wait whose equipment made its pieces since the wait began its signal;
    /// answers the waits that took one.
    public func takeCounts() async throws -> [SignalWait] {
        let now = clock()
        let counters = CounterWindows(database: database)
        let waits = try await database.read { db in try await SignalWaitRows.waiting(db, kind: .count) }
        var taken: [SignalWait] = []
        for wait in waits {
            guard let equipmentId = wait.matcher.equipmentId, let target = wait.matcher.pieces else { continue }
            let counts = try await counters.counts(equipmentId: equipmentId, in: TimeSpan(start: wait.waitingSince, end: now))
            let pieces = wait.matcher.counted == .rejected ? counts.rejected : counts.produced
            guard pieces >= target else { continue }
            let signal = WorkflowSignal(kind: .count, at: now, pieces: pieces)
            if let took = try await database.transaction({ db in try await Self.take(db, wait, signal: signal, at: now) }) {
                taken.append(took)
            }
        }
        return taken
    }

    /// Sends the user signal `name` with `payload` to the instance `instanceId`, as the person
    /// the audit context names: every wait of the instance for it at a site of `scope` takes it.
    /// Answers those waits; the engine delivers them on its next round.
    ///
    /// Fails with `notFound` when the instance does not exist or has no wait at a site of
    /// `scope` (other sites' instances are not known to exist), and with `conflict` when it
    /// waits for no signal of this name there.
    public func send(_ name: String, payload: [String: JSONValue], to instanceId: UUID, within scope: SiteScope) async throws -> [SignalWait] {
        let now = clock()
        return try await database.transaction { db in
            let instance = try await WorkflowRows.instance(db, id: instanceId)
            if case .sites(let siteIds) = scope {
                let sites = try await db.select().column("site_id").from("workflow_signal_waits").where("instance_id", .equal, SQLBind(instanceId))
                    .all(decodingColumn: "site_id", as: UUID.self)
                guard sites.contains(where: { siteIds.contains($0) }) else { throw DomainError.notFound("workflow instance", id: instanceId) }
            }
            let waits = try await SignalWaitRows.waiting(db, kind: .user, instanceId: instanceId, name: name).filter { scope.allows($0.siteId) }
            guard !waits.isEmpty else {
                throw DomainError(
                    .conflict, "The workflow instance \(instanceId) (\(instance.definition.name), at step \(instance.currentStep)) is not waiting for the signal \(name).")
            }
            let signal = WorkflowSignal(kind: .user, at: now, sentBy: AuditContext.current.actor, payload: .object(payload))
            var taken: [SignalWait] = []
            for wait in waits {
                if let took = try await Self.take(db, wait, signal: signal, at: now) { taken.append(took) }
            }
            return taken
        }
    }

    /// Where a follower of machine signals that never ran starts reading the outbox: after the
    /// position the oldest waiting state-change or fault wait began at; nil when none waits.
    public func machineSignalsStart() async throws -> Int64? {
        try await database.read { db in
            try await db.select().column(SQLFunction("min", args: SQLIdentifier("after_position")), as: "p").from("workflow_signal_waits")
                .where("kind", .in, [SignalKind.stateChange.rawValue, SignalKind.fault.rawValue])
                .where("signal", .is, SQLLiteral.null).where("cancelled_at", .is, SQLLiteral.null)
                .first(decodingColumn: "p", as: Int64?.self) ?? nil
        }
    }

    /// Gives `wait` its `signal` unless it took one first or was cancelled, with its audit entry.
    private static func take(_ db: any SQLDatabase, _ wait: SignalWait, signal: WorkflowSignal, at now: Date) async throws -> SignalWait? {
        guard let took = try await SignalWaitRows.take(db, id: wait.id, signal: signal, at: now) else { return nil }
        try await AuditLedger.record(
            db, action: "take signal", recordType: SignalWaitRows.recordType, recordId: wait.id.uuidString.lowercased(), before: wait,
            after: took)
        return took
    }

    /// The kind, signal and test of a machine event: nil for other events.
    private static func machineSignal(
        _ recorded: RecordedEvent
    ) throws -> (kind: SignalKind, signal: WorkflowSignal, matches: @Sendable (SignalMatcher) -> Bool)? {
        let event = recorded.event
        switch event.type {
        case .machineStateChanged:
            let change = try EventData.decode(StateChange.self, from: event.data)
            let signal = WorkflowSignal(kind: .stateChange, at: change.opened.start, eventId: event.id, state: change.opened.state)
            return (.stateChange, signal, { $0.matches(change) })
        case .machineFault:
            let fault = try EventData.decode(FaultEvent.self, from: event.data)
            let signal = WorkflowSignal(kind: .fault, at: fault.at, eventId: event.id, faultCode: fault.code)
            return (.fault, signal, { $0.matches(fault) })
        default:
            return nil
        }
    }
}

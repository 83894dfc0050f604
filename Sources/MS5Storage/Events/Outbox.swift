import Foundation
import MS5Domain
import SQLKit

/// The table every published event is written to, in the transaction of the change it reports:
/// a change that rolls back leaves no event, and an event that committed survives any crash.
///
/// Events are numbered by `position` in commit order: an append takes the `outbox_head` row's
/// lock, held until its transaction ends, so no later position can become visible before an
/// earlier one. A consumer that has read up to a position never misses an event below it.
///
/// A commit that wrote events wakes the outbox's followers: in this process directly, and on
/// PostgreSQL in every instance through a notification.
public struct Outbox: Sendable {
    let database: Database

    /// Creates the outbox over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Publishes events whose change is the event itself (a stop derived after the fact), in
    /// their own transaction.
    public func publish(_ events: [CanonicalEvent]) async throws {
        try await database.transaction { db in try await Self.append(db, events) }
    }

    /// Publishes `event` in its own transaction unless an event with its id is already in the
    /// outbox (an event derived again after a restart); answers whether it was published.
    @discardableResult
    public func publishOnce(_ event: CanonicalEvent) async throws -> Bool {
        try await database.transaction { db in
            let existing = try await db.select().column("position").from("outbox").where("id", .equal, SQLBind(event.id)).first()
            guard existing == nil else { return false }
            try await Self.append(db, [event])
            return true
        }
    }

    /// Appends `events` on `db`, which must be the transaction of the change they report.
    static func append(_ db: any SQLDatabase, _ events: [CanonicalEvent], recordedAt: Date = Date()) async throws {
        guard !events.isEmpty else { return }
        let count = Int64(events.count)
        guard let head = try await db.raw("UPDATE outbox_head SET position = position + \(bind: count) WHERE id = 1 RETURNING position").first()
        else {
            throw StorageError(.corrupt, "The outbox has no head row (outbox_head); the database was changed by hand.")
        }
        let first = try head.decode(column: "position", as: Int64.self) - count + 1
        var insert = db.insert(into: "outbox").columns(
            "position", "id", "type", "occurred_at", "subject", "aggregate_id", "site_id", "line_id", "equipment_id", "data", "recorded_at")
        for (offset, event) in events.enumerated() {
            insert = insert.values(
                SQLBind(first + Int64(offset)), SQLBind(event.id), SQLBind(event.type.rawValue), SQLBind(event.time), SQLBind(event.subject),
                SQLBind(event.aggregateId), SQLBind(event.placement.siteId), SQLBind(event.placement.lineId),
                SQLBind(event.placement.equipmentId), SQLBind(event.data), SQLBind(recordedAt))
        }
        try await insert.run()
        // The transaction wakes the followers once it commits (``Database/transaction(_:)``).
        OutboxWrites.current?.mark()
    }

    /// Appends `event` on `db`, the transaction of the change it reports.
    static func append(_ db: any SQLDatabase, _ event: CanonicalEvent) async throws {
        try await append(db, [event])
    }
}

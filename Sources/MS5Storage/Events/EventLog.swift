import Foundation
import MS5Domain
import SQLKit

/// Reading the outbox: pages of events for replay and the API, the stream a consumer follows,
/// and each consumer's position, kept in the database so that it survives restarts.
public struct EventLog: Sendable {
    let database: Database

    /// Creates the log over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// At most `limit` events after `position` that match `filter`, in order.
    public func events(after position: Int64, matching filter: EventFilter = EventFilter(), limit: Int) async throws -> [RecordedEvent] {
        try await database.read { db in
            try await Self.matching(filter, db.select().column("*").from("outbox").where("position", .greaterThan, SQLBind(position)))
                .orderBy("position").limit(limit).all().map { try Self.recorded($0, uuidsAsText: database.kind == .sqlite) }
        }
    }

    /// How many events after `position` match `filter`.
    public func count(after position: Int64 = 0, matching filter: EventFilter) async throws -> Int {
        try await database.read { db in
            try await Self.matching(
                filter, db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("outbox")
                    .where("position", .greaterThan, SQLBind(position)))
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    private static func matching(_ filter: EventFilter, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = select
        if !filter.types.isEmpty { query = query.where("type", .in, filter.types.map(\.rawValue).sorted()) }
        if let from = filter.from { query = query.where("occurred_at", .greaterThanOrEqual, SQLBind(from)) }
        if let to = filter.to { query = query.where("occurred_at", .lessThan, SQLBind(to)) }
        if let siteIds = filter.siteIds { query = query.where("site_id", .in, siteIds.sorted { $0.uuidString < $1.uuidString }) }
        if let lineId = filter.lineId { query = query.where("line_id", .equal, SQLBind(lineId)) }
        if let equipmentId = filter.equipmentId { query = query.where("equipment_id", .equal, SQLBind(equipmentId)) }
        return query
    }

    /// The PostgreSQL notification channel that announces commits which wrote events.
    static let commitChannel = "ms5_outbox"

    /// A mark of the commits that wrote events so far, taken before reading, for
    /// ``waitForEvents(after:upTo:)``.
    public var commitMark: UInt64 { database.outboxSignal.commits }

    /// Waits until a commit after `mark` wrote events, at most `limit` (or until the task is
    /// cancelled). Commits of this process wake it at once, and on PostgreSQL those of other
    /// instances too while ``listenForCommits()`` runs; `limit` bounds the wait for any other.
    /// Answers whether such a commit came (false when the limit ran out or the task was cancelled).
    @discardableResult
    public func waitForEvents(after mark: UInt64, upTo limit: Duration) async -> Bool {
        await database.outboxSignal.wait(after: mark, upTo: limit)
        return commitMark != mark
    }

    /// On PostgreSQL, wakes this process's waiters whenever any instance commits events, until
    /// the task is cancelled or the connection is lost (then it throws); returns at once on SQLite,
    /// where this process is the only writer.
    public func listenForCommits() async throws {
        let signal = database.outboxSignal
        try await database.listen(channel: Self.commitChannel) { _ in signal.committed() }
    }

    /// The position of the newest event (0 when there is none).
    public func head() async throws -> Int64 {
        try await database.read { db in
            try await db.select().column("position").from("outbox_head").where("id", .equal, SQLBind(1))
                .first(decodingColumn: "position", as: Int64.self) ?? 0
        }
    }

    /// The position of the last event before `time` (0 when there is none): where a replay from
    /// `time` starts reading.
    public func position(before time: Date) async throws -> Int64 {
        try await database.read { db in
            let first = try await db.select().column(SQLFunction("min", args: SQLIdentifier("position")), as: "p").from("outbox")
                .where("occurred_at", .greaterThanOrEqual, SQLBind(time)).first(decodingColumn: "p", as: Int64?.self) ?? nil
            return max(0, (first ?? Int64.max) - 1)
        }
    }

    /// How far `consumer` has read, nil when it never has.
    public func position(of consumer: String) async throws -> Int64? {
        try await database.read { db in
            try await db.select().column("position").from("outbox_consumers").where("name", .equal, SQLBind(consumer))
                .first(decodingColumn: "position", as: Int64.self)
        }
    }

    /// Every consumer's standing, by name.
    public func consumers() async throws -> [ConsumerPosition] {
        try await database.read { db in
            try await db.select().column("*").from("outbox_consumers").orderBy("name").all().map { row in
                ConsumerPosition(
                    name: try row.decode(column: "name", as: String.self), position: try row.decode(column: "position", as: Int64.self),
                    holder: try row.decode(column: "holder", as: String?.self), leaseUntil: try row.decode(column: "lease_until", as: Date?.self),
                    updatedAt: try row.decode(column: "updated_at", as: Date.self))
            }
        }
    }

    /// When the first event after `position` was written: how long the oldest event a consumer
    /// has not handled has waited. Nil when it has handled every event.
    public func recordedAt(after position: Int64) async throws -> Date? {
        try await database.read { db in
            try await db.select().column("recorded_at").from("outbox").where("position", .greaterThan, SQLBind(position))
                .orderBy("position").limit(1).first(decodingColumn: "recorded_at", as: Date.self)
        }
    }

    /// The event in `row`. SQLite keeps UUIDs as text, read here with ``UUID/init(hexText:)``:
    /// decoding them as `UUID` reads them with `sscanf`, a seventh of the relay's time.
    static func recorded(_ row: any SQLRow, uuidsAsText: Bool) throws -> RecordedEvent {
        func uuid(_ column: String) throws -> UUID? {
            guard uuidsAsText else { return try row.decode(column: column, as: UUID?.self) }
            guard let text = try row.decode(column: column, as: String?.self) else { return nil }
            guard let value = UUID(hexText: text) else { throw StorageError(.corrupt, "The outbox's \(column) \(text) is no UUID.") }
            return value
        }
        func required(_ column: String) throws -> UUID {
            guard let value = try uuid(column) else { throw StorageError(.corrupt, "The outbox has an event without \(column).") }
            return value
        }
        let typeName = try row.decode(column: "type", as: String.self)
        guard let type = EventType(rawValue: typeName) else {
            throw StorageError(.corrupt, "The outbox holds an event of type \(typeName), which this ms5 does not know; is a newer ms5 writing to this database?")
        }
        let event = CanonicalEvent(
            id: try required("id"), type: type, time: try row.decode(column: "occurred_at", as: Date.self),
            subject: try row.decode(column: "subject", as: String.self), aggregateId: try required("aggregate_id"),
            placement: EventPlacement(siteId: try required("site_id"), lineId: try uuid("line_id"), equipmentId: try uuid("equipment_id")),
            data: try row.decode(column: "data", as: String.self))
        return RecordedEvent(
            position: try row.decode(column: "position", as: Int64.self), event: event,
            recordedAt: try row.decode(column: "recorded_at", as: Date.self))
    }
}

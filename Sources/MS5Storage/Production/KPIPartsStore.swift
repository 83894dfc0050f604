import Foundation
import MS5Domain
import SQLKit

/// The stored KPI parts of equipment's completed local days and of the completed hours of
/// partial days (`kpi_parts`), and their invalidation: whatever changes an input of a stored
/// span deletes its row in the same transaction, and the next long-window report computes it
/// again.
///
/// A row records the span of inputs it is computed from (the span, from 24 h before it to at
/// most 24 h after it); an input stamped inside that span invalidates it. A report first claims
/// the row, then reads and computes, then stores its parts only if its claim still stands, so a
/// change committed while it computes is never overwritten by a result read before it:
/// - on PostgreSQL, a claim takes the equipment's advisory lock exclusively and every
///   invalidation takes it shared, so a claim waits for the changes in flight, and a change
///   committed after the claim deletes it;
/// - on SQLite, transactions that write are serialised, which gives the same order.
enum KPIPartsStore {
    /// How long a stored span is.
    enum Granularity: String, Sendable {
        /// A whole local day.
        case day
        /// An hour of a local day (counted from its midnight), stored for the days a window
        /// covers only in part.
        case hour
    }

    /// The stored parts of the spans of `equipmentId` of one granularity starting in `starts`, by
    /// span start, with their stops and counter events when `listed`. Claims are left out.
    static func parts(
        _ db: any SQLDatabase, equipmentId: UUID, granularity: Granularity, starts: TimeSpan, listed: Bool
    ) async throws -> [Date: SegmentParts] {
        let rows = try await db.select().columns(listed ? ["span_start", "span_end", "parts", "stops"] : ["span_start", "span_end", "parts"])
            .from("kpi_parts")
            .where("equipment_id", .equal, equipmentId).where("granularity", .equal, granularity.rawValue)
            .where("span_start", .greaterThanOrEqual, starts.start).where("span_start", .lessThan, starts.end)
            .where("parts", .isNot, SQLLiteral.null)
            .all()
        let decoder = JSONDecoder()
        var found: [Date: SegmentParts] = [:]
        for row in rows {
            let span = TimeSpan(start: try row.decode(column: "span_start", as: Date.self), end: try row.decode(column: "span_end", as: Date.self))
            let parts = try decoder.decode(SegmentParts.Parts.self, from: Data(try row.decode(column: "parts", as: String.self).utf8))
            let stops = try listed ? decoder.decode(SegmentParts.Listed.self, from: Data(try row.decode(column: "stops", as: String.self).utf8)) : nil
            found[span.start] = SegmentParts(span: span, parts: parts, listed: stops)
        }
        return found
    }

    /// Claims the row of `span` of `equipmentId` for a report about to read the inputs in
    /// `inputs`, replacing what was there; returns the claim to store the parts under.
    static func claim(
        _ db: any SQLDatabase, equipmentId: UUID, granularity: Granularity, span: TimeSpan, inputs: TimeSpan, at now: Date
    ) async throws -> String {
        if db.dialect.name == "postgresql" {
            try await db.raw("SELECT pg_advisory_xact_lock(\(literal: lockKey(equipmentId)))").run()
        }
        let claim = UUID().uuidString
        try await db.insert(into: "kpi_parts")
            .columns("equipment_id", "granularity", "span_start", "span_end", "input_start", "input_end", "claim", "parts", "stops", "computed_at")
            .values(SQLBind(equipmentId), SQLBind(granularity.rawValue), SQLBind(span.start), SQLBind(span.end), SQLBind(inputs.start),
                    SQLBind(inputs.end), SQLBind(claim), SQLLiteral.null, SQLLiteral.null, SQLBind(now))
            .onConflict(with: ["equipment_id", "granularity", "span_start"]) {
                $0.set(excludedValueOf: "span_end").set(excludedValueOf: "input_start").set(excludedValueOf: "input_end")
                    .set(excludedValueOf: "claim").set(excludedValueOf: "parts").set(excludedValueOf: "stops").set(excludedValueOf: "computed_at")
            }
            .run()
        return claim
    }

    /// Stores the parts of `segment` (with its stops and counter events, `listed`) under `claim`;
    /// nothing when a change deleted the claim meanwhile.
    static func save(
        _ db: any SQLDatabase, equipmentId: UUID, granularity: Granularity, _ segment: SegmentParts, listed: SegmentParts.Listed, claim: String
    ) async throws {
        let encoder = JSONEncoder()
        try await db.update("kpi_parts")
            .set("parts", to: SQLBind(String(decoding: try encoder.encode(segment.parts), as: UTF8.self)))
            .set("stops", to: SQLBind(String(decoding: try encoder.encode(listed), as: UTF8.self)))
            .where("equipment_id", .equal, equipmentId).where("granularity", .equal, granularity.rawValue)
            .where("span_start", .equal, segment.span.start).where("claim", .equal, claim)
            .run()
    }

    /// Withdraws `claim` on the row of `span` (its parts could not be settled).
    static func release(_ db: any SQLDatabase, equipmentId: UUID, granularity: Granularity, span: TimeSpan, claim: String) async throws {
        try await db.delete(from: "kpi_parts")
            .where("equipment_id", .equal, equipmentId).where("granularity", .equal, granularity.rawValue)
            .where("span_start", .equal, span.start).where("claim", .equal, claim)
            .run()
    }

    /// Deletes the parts of `equipmentIds` computed from inputs stamped between the earliest and
    /// the latest of `times`.
    static func invalidate(_ db: any SQLDatabase, equipmentIds: [UUID], at times: [Date]) async throws {
        guard !equipmentIds.isEmpty, let from = times.min(), let to = times.max() else { return }
        try await holdAgainstClaims(db, equipmentIds: equipmentIds)
        try await db.delete(from: "kpi_parts")
            .where("equipment_id", .in, equipmentIds)
            .where("input_start", .lessThanOrEqual, to).where("input_end", .greaterThan, from)
            .run()
    }

    /// Deletes the parts that stored `samples` (late machine data) are an input of: one statement
    /// per batch, which deletes nothing while samples arrive after every stored span's inputs.
    static func invalidate(_ db: any SQLDatabase, samples: [TelemetrySample], equipmentOf: [UUID: UUID]) async throws {
        let equipmentIds = Set(Set(samples.lazy.map(\.metricId)).compactMap { equipmentOf[$0] })
        try await invalidate(db, equipmentIds: Array(equipmentIds), at: samples.map(\.timestamp))
    }

    /// Deletes the parts of `equipmentId` computed from inputs stamped at or after `from`.
    static func invalidate(_ db: any SQLDatabase, equipmentId: UUID, from: Date) async throws {
        try await holdAgainstClaims(db, equipmentIds: [equipmentId])
        try await db.delete(from: "kpi_parts")
            .where("equipment_id", .equal, equipmentId).where("input_end", .greaterThan, from)
            .run()
    }

    /// Deletes the parts of every equipment of `lineId`, or only those computed from inputs
    /// stamped in `span` when given.
    static func invalidate(_ db: any SQLDatabase, lineId: UUID, span: TimeSpan? = nil) async throws {
        let equipment = try await db.select().column("id").from("equipment").where("line_id", .equal, lineId).all(decodingColumn: "id", as: UUID.self)
        guard !equipment.isEmpty else { return }
        try await holdAgainstClaims(db, equipmentIds: equipment)
        var delete = db.delete(from: "kpi_parts").where("equipment_id", .in, equipment)
        if let span { delete = delete.where("input_start", .lessThanOrEqual, span.end).where("input_end", .greaterThan, span.start) }
        try await delete.run()
    }

    /// Deletes the stored hours of days that began before `date` (their whole days stay).
    static func deleteHours(_ db: any SQLDatabase, before date: Date) async throws {
        try await db.delete(from: "kpi_parts").where("granularity", .equal, Granularity.hour.rawValue).where("span_start", .lessThan, date).run()
    }

    /// On PostgreSQL, takes the advisory locks of `equipmentIds` shared until the transaction
    /// ends, so that no claim on them is taken while this change is in flight.
    private static func holdAgainstClaims(_ db: any SQLDatabase, equipmentIds: [UUID]) async throws {
        guard db.dialect.name == "postgresql" else { return }
        let locks = Set(equipmentIds.map(lockKey)).sorted().map { "pg_advisory_xact_lock_shared(\($0))" }
        try await db.raw(SQLQueryString("SELECT " + locks.joined(separator: ", "))).run()
    }

    /// The advisory lock key of an equipment's parts: its id's first 8 bytes, so that equipment
    /// rarely share one (sharing only makes claims wait a little longer).
    private static func lockKey(_ equipmentId: UUID) -> Int64 {
        withUnsafeBytes(of: equipmentId.uuid) { $0.loadUnaligned(as: Int64.self) }
    }
}

import Foundation
import MS5Domain
import SQLKit

/// The stored KPI parts of equipment's completed local days (`kpi_day_parts`), and their
/// invalidation: whatever changes an input of a day deletes the day's row in the same
/// transaction, and the next long-window report computes it again.
///
/// A row records the span of inputs it was computed from (the day, from 24 h before it to at most
/// 24 h after it); an input stamped inside that span invalidates it. A change committed while a
/// report is computing the same day from what it read before can be overwritten by that report's
/// row (there is no version check); the next change to the day, or deleting its row, repairs it.
enum KPIDayPartsStore {
    /// The stored parts of the days of `equipmentId` starting in `days`, by day start, with their
    /// stops and counter events when `listed`.
    static func parts(_ db: any SQLDatabase, equipmentId: UUID, days: TimeSpan, listed: Bool) async throws -> [Date: SegmentParts] {
        let rows = try await db.select().columns(listed ? ["day_start", "day_end", "parts", "stops"] : ["day_start", "day_end", "parts"])
            .from("kpi_day_parts")
            .where("equipment_id", .equal, equipmentId)
            .where("day_start", .greaterThanOrEqual, days.start).where("day_start", .lessThan, days.end)
            .all()
        let decoder = JSONDecoder()
        var found: [Date: SegmentParts] = [:]
        for row in rows {
            let day = TimeSpan(start: try row.decode(column: "day_start", as: Date.self), end: try row.decode(column: "day_end", as: Date.self))
            let parts = try decoder.decode(SegmentParts.Parts.self, from: Data(try row.decode(column: "parts", as: String.self).utf8))
            let stops = try listed ? decoder.decode(SegmentParts.Listed.self, from: Data(try row.decode(column: "stops", as: String.self).utf8)) : nil
            found[day.start] = SegmentParts(span: day, parts: parts, listed: stops)
        }
        return found
    }

    /// Stores the parts of a day of `equipmentId` (with its stops and counter events, `listed`)
    /// computed from the inputs in `inputs`, replacing a row stored meanwhile.
    static func save(_ db: any SQLDatabase, equipmentId: UUID, _ segment: SegmentParts, inputs: TimeSpan, listed: SegmentParts.Listed, at now: Date) async throws {
        let encoder = JSONEncoder()
        let parts = String(decoding: try encoder.encode(segment.parts), as: UTF8.self)
        let stops = String(decoding: try encoder.encode(listed), as: UTF8.self)
        try await db.insert(into: "kpi_day_parts")
            .columns("equipment_id", "day_start", "day_end", "input_start", "input_end", "parts", "stops", "computed_at")
            .values(SQLBind(equipmentId), SQLBind(segment.span.start), SQLBind(segment.span.end), SQLBind(inputs.start), SQLBind(inputs.end),
                    SQLBind(parts), SQLBind(stops), SQLBind(now))
            .onConflict(with: ["equipment_id", "day_start"]) {
                $0.set(excludedValueOf: "day_end").set(excludedValueOf: "input_start").set(excludedValueOf: "input_end")
                    .set(excludedValueOf: "parts").set(excludedValueOf: "stops").set(excludedValueOf: "computed_at")
            }
            .run()
    }

    /// Deletes the parts of `equipmentIds` computed from inputs stamped between the earliest and
    /// the latest of `times`.
    static func invalidate(_ db: any SQLDatabase, equipmentIds: [UUID], at times: [Date]) async throws {
        guard !equipmentIds.isEmpty, let from = times.min(), let to = times.max() else { return }
        try await db.delete(from: "kpi_day_parts")
            .where("equipment_id", .in, equipmentIds)
            .where("input_start", .lessThanOrEqual, to).where("input_end", .greaterThan, from)
            .run()
    }

    /// Deletes the parts that stored `samples` (late machine data) are an input of: one statement
    /// per batch, which deletes nothing while samples arrive after every stored day's inputs.
    static func invalidate(_ db: any SQLDatabase, samples: [TelemetrySample], equipmentOf: [UUID: UUID]) async throws {
        try await invalidate(db, equipmentIds: Array(Set(samples.compactMap { equipmentOf[$0.metricId] })), at: samples.map(\.timestamp))
    }

    /// Deletes the parts of `equipmentId` computed from inputs stamped at or after `from`.
    static func invalidate(_ db: any SQLDatabase, equipmentId: UUID, from: Date) async throws {
        try await db.delete(from: "kpi_day_parts")
            .where("equipment_id", .equal, equipmentId).where("input_end", .greaterThan, from)
            .run()
    }

    /// Deletes the parts of every equipment of `lineId`, or only those computed from inputs
    /// stamped in `span` when given.
    static func invalidate(_ db: any SQLDatabase, lineId: UUID, span: TimeSpan? = nil) async throws {
        let equipment = try await db.select().column("id").from("equipment").where("line_id", .equal, lineId).all(decodingColumn: "id", as: UUID.self)
        guard !equipment.isEmpty else { return }
        var delete = db.delete(from: "kpi_day_parts").where("equipment_id", .in, equipment)
        if let span { delete = delete.where("input_start", .lessThanOrEqual, span.end).where("input_end", .greaterThan, span.start) }
        try await delete.run()
    }
}

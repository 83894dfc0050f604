import Foundation
import MS5Domain
import SQLKit

/// Each line's planned-downtime calendar and each equipment's manual count corrections: what
/// people record about production that no machine reports.
public struct ProductionCalendarStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Enters planned downtime on a line, and the entry in the audit ledger.
    public func addDowntime(lineId: UUID, _ input: PlannedDowntimeInput, by user: String) async throws -> PlannedDowntimeEntry {
        try input.validate()
        return try await database.transaction { db in
            _ = try await LineRepository.table.require(db, id: lineId)
            let entry = PlannedDowntimeEntry(
                id: UUID(), lineId: lineId, kind: input.kind, start: input.start, end: input.end, note: input.note,
                createdBy: user, createdAt: RecordClock.now())
            try await db.insert(into: "planned_downtimes")
                .columns("id", "line_id", "kind", "start_ts", "end_ts", "note", "created_by", "created_at")
                .values(SQLBind(entry.id), SQLBind(lineId), SQLBind(entry.kind.rawValue), SQLBind(entry.start), SQLBind(entry.end),
                        SQLBind(entry.note), SQLBind(user), SQLBind(entry.createdAt))
                .run()
            try await KPIPartsStore.invalidate(db, lineId: lineId, span: TimeSpan(start: entry.start, end: entry.end))
            try await AuditLedger.record(
                db, action: "create", recordType: "planned downtime", recordId: entry.id.uuidString.lowercased(),
                before: PlannedDowntimeEntry?.none, after: entry)
            return entry
        }
    }

    /// The planned downtime of a line overlapping `span`, in time order.
    public func downtimes(lineId: UUID, in span: TimeSpan) async throws -> [PlannedDowntimeEntry] {
        try await database.read { db in
            _ = try await LineRepository.table.require(db, id: lineId)
            return try await Self.downtimes(db, lineId: lineId, in: span)
        }
    }

    /// Removes a planned-downtime entry, recording it as it was.
    public func deleteDowntime(_ id: UUID) async throws {
        try await database.transaction { db in
            guard let before = try await Self.downtime(db, id: id) else { throw DomainError.notFound("planned downtime", id: id) }
            try await db.delete(from: "planned_downtimes").where("id", .equal, id).run()
            try await AuditLedger.record(
                db, action: "delete", recordType: "planned downtime", recordId: id.uuidString.lowercased(), before: before,
                after: PlannedDowntimeEntry?.none)
            try await KPIPartsStore.invalidate(db, lineId: before.lineId)
        }
    }

    /// Records a count correction of an equipment, and the correction in the audit ledger.
    public func correct(equipmentId: UUID, _ input: CountCorrectionInput, by user: String) async throws -> CountCorrection {
        try input.validate()
        return try await database.transaction { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            let correction = CountCorrection(
                id: UUID(), equipmentId: equipmentId, at: input.at, good: input.good, reject: input.reject, reason: input.reason,
                createdBy: user, createdAt: RecordClock.now())
            try await db.insert(into: "count_corrections")
                .columns("id", "equipment_id", "at_ts", "good", "reject", "reason", "created_by", "created_at")
                .values(SQLBind(correction.id), SQLBind(equipmentId), SQLBind(input.at), SQLBind(input.good), SQLBind(input.reject),
                        SQLBind(input.reason), SQLBind(user), SQLBind(correction.createdAt))
                .run()
            try await KPIPartsStore.invalidate(db, equipmentIds: [equipmentId], at: [input.at])
            try await AuditLedger.record(
                db, action: "create", recordType: "count correction", recordId: correction.id.uuidString.lowercased(),
                before: CountCorrection?.none, after: correction)
            return correction
        }
    }

    /// The count corrections of an equipment dated in `span`, in time order.
    public func corrections(equipmentId: UUID, in span: TimeSpan) async throws -> [CountCorrection] {
        try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            return try await Self.corrections(db, equipmentId: equipmentId, in: span)
        }
    }

    static func downtimes(_ db: any SQLDatabase, lineId: UUID, in span: TimeSpan) async throws -> [PlannedDowntimeEntry] {
        try await db.select().columns(downtimeColumns).from("planned_downtimes")
            .where("line_id", .equal, lineId).where("start_ts", .lessThan, span.end).where("end_ts", .greaterThan, span.start)
            .orderBy("start_ts").all().map(downtime)
    }

    /// The planned-downtime entry with `id`, nil when there is none.
    private static func downtime(_ db: any SQLDatabase, id: UUID) async throws -> PlannedDowntimeEntry? {
        try await db.select().columns(downtimeColumns).from("planned_downtimes").where("id", .equal, id).first().map(downtime)
    }

    private static let downtimeColumns = ["id", "line_id", "kind", "start_ts", "end_ts", "note", "created_by", "created_at"]

    private static func downtime(_ row: any SQLRow) throws -> PlannedDowntimeEntry {
        PlannedDowntimeEntry(
            id: try row.decode(column: "id", as: UUID.self), lineId: try row.decode(column: "line_id", as: UUID.self),
            kind: try row.decode(column: "kind", as: PlannedDowntimeKind.self),
            start: try row.decode(column: "start_ts", as: Date.self), end: try row.decode(column: "end_ts", as: Date.self),
            note: try row.decode(column: "note", as: String?.self), createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    static func corrections(_ db: any SQLDatabase, equipmentId: UUID, in span: TimeSpan) async throws -> [CountCorrection] {
        let rows = try await db.select().columns("id", "at_ts", "good", "reject", "reason", "created_by", "created_at").from("count_corrections")
            .where("equipment_id", .equal, equipmentId).where("at_ts", .greaterThan, span.start).where("at_ts", .lessThanOrEqual, span.end)
            .orderBy("at_ts").all()
        return try rows.map { row in
            CountCorrection(
                id: try row.decode(column: "id", as: UUID.self), equipmentId: equipmentId, at: try row.decode(column: "at_ts", as: Date.self),
                good: try row.decode(column: "good", as: Int.self), reject: try row.decode(column: "reject", as: Int.self),
                reason: try row.decode(column: "reason", as: String.self), createdBy: try row.decode(column: "created_by", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }
}

import Foundation
import MS5Domain
import SQLKit

/// Loads what ``ShiftDuty`` decides on: the line's shifts and an operator's jobs on its orders.
public struct ShiftDutyStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Why the operator `userId` may not change records of equipment `equipmentId` at `now`,
    /// or nil when on duty there; nil too when the equipment does not exist (the caller answers that).
    public func refusal(userId: UUID, equipmentId: UUID, at now: Date) async throws -> String? {
        let lineId = try await database.read { db in
            try await db.select().column("line_id").from("equipment").where("id", .equal, equipmentId).first()
                .map { try $0.decode(column: "line_id", as: UUID.self) }
        }
        guard let lineId else { return nil }
        return try await refusal(userId: userId, lineId: lineId, at: now)
    }

    /// Why the operator `userId` may not move the job assignment `assignmentId` at `now`, or
    /// nil when on duty on its line; nil too when the assignment does not exist.
    public func refusal(userId: UUID, assignmentId: UUID, at now: Date) async throws -> String? {
        let lineId = try await database.read { db in
            try await db.raw("""
                SELECT e.line_id FROM job_assignments ja
                JOIN production_orders o ON o.id = ja.order_id JOIN equipment e ON e.id = o.equipment_id
                WHERE ja.id = \(bind: assignmentId)
                """).first().map { try $0.decode(column: "line_id", as: UUID.self) }
        }
        guard let lineId else { return nil }
        return try await refusal(userId: userId, lineId: lineId, at: now)
    }

    /// Why the operator `userId` is not on duty on line `lineId` at `now`, or nil when on duty.
    func refusal(userId: UUID, lineId: UUID, at now: Date) async throws -> String? {
        let (settings, timeZone, jobs) = try await database.read { db in
            let settings = try await LineSettingsStore.settings(db, lineId: lineId)
            let line = try await LineRepository.table.require(db, id: lineId)
            let site = try await SiteRepository.table.require(db, id: line.siteId)
            let jobs = try await db.raw("""
                SELECT ja.assigned_at, ja.status FROM job_assignments ja
                JOIN production_orders o ON o.id = ja.order_id JOIN equipment e ON e.id = o.equipment_id
                WHERE ja.user_id = \(bind: userId) AND e.line_id = \(bind: lineId)
                """).all().map { row in
                    ShiftDuty.Job(
                        assignedAt: try row.decode(column: "assigned_at", as: Date.self),
                        status: try row.decode(column: "status", as: AssignmentStatus.self))
                }
            return (settings, TimeZone(identifier: site.timeZone) ?? .gmt, jobs)
        }
        guard let settings else {
            return "This line has no shift pattern yet, so no operator is on shift on it; a supervisor sets its production settings first."
        }
        return ShiftDuty(shiftPattern: settings.shiftPattern, timeZone: timeZone).refusal(jobs: jobs, at: now)
    }
}

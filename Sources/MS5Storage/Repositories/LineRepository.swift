import Foundation
import MS5Domain
import SQLKit

/// Production lines of an area.
public struct LineRepository: Sendable {
    static let table = RecordTable<Line>(name: "lines", noun: "line", sortColumn: "code")
    static let deleteGuard = DeleteGuard(
        noun: "line", dependents: [.init(table: "equipment", column: "line_id", what: "equipment")])

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of lines, filtered by site and area when given, ordered by code.
    public func list(_ page: PageRequest, siteId: UUID? = nil, areaId: UUID? = nil) async throws -> Page<Line> {
        let filters = [siteId.map { ("site_id", $0) }, areaId.map { ("area_id", $0) }].compactMap { $0 }
        return try await Self.table.list(on: database, page, filters: filters)
    }

    /// The line with `id`.
    public func get(_ id: UUID) async throws -> Line {
        try await Self.table.get(on: database, id: id)
    }

    /// Creates a line in an existing area; its code must be unused in the area's site.
    public func create(_ input: LineInput) async throws -> Line {
        try input.validate()
        return try await database.transaction { db in
            let area = try await ParentCheck.require(AreaRepository.table, db, id: input.areaId, field: "areaId")
            try await Self.requireFreeCode(db, input.code, siteId: area.siteId, excluding: nil)
            let now = RecordClock.now()
            let line = Line(
                id: UUID(), siteId: area.siteId, areaId: area.id, code: input.code, name: input.name,
                description: input.description, createdAt: now, updatedAt: now)
            try await Self.table.insert(db, line)
            return line
        }
    }

    /// Replaces the line's fields; a line may move to another area of the same site.
    public func replace(_ id: UUID, with input: LineInput) async throws -> Line {
        try input.validate()
        return try await database.transaction { db in
            var line = try await Self.table.require(db, id: id)
            let area = try await ParentCheck.require(AreaRepository.table, db, id: input.areaId, field: "areaId")
            guard area.siteId == line.siteId else {
                throw DomainError.invalid([FieldViolation(field: "/areaId", reason: "must be an area of the line's own site")])
            }
            try await Self.requireFreeCode(db, input.code, siteId: line.siteId, excluding: id)
            line.areaId = area.id
            line.code = input.code
            line.name = input.name
            line.description = input.description
            line.updatedAt = RecordClock.now()
            try await Self.table.update(db, line)
            return line
        }
    }

    /// Deletes the line, refused while it has equipment.
    public func delete(_ id: UUID) async throws {
        try await Self.table.delete(on: database, id: id, guardedBy: Self.deleteGuard)
    }

    private static func requireFreeCode(_ db: any SQLDatabase, _ code: String, siteId: UUID, excluding: UUID?) async throws {
        if try await table.isTaken(db, column: "code", value: code, scope: [("site_id", siteId)], excluding: excluding) {
            throw DomainError.duplicate(field: "code", value: code, scope: "by another line of this site")
        }
    }
}

import Foundation
import MS5Domain
import SQLKit

/// Areas of a site.
public struct AreaRepository: Sendable {
    static let table = RecordTable<Area>(name: "areas", noun: "area", sortColumn: "code")
    static let deleteGuard = DeleteGuard(noun: "area", dependents: [.init(table: "lines", column: "area_id", what: "line(s)")])

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of areas, of one site when `siteId` is given, ordered by code.
    public func list(_ page: PageRequest, siteId: UUID? = nil) async throws -> Page<Area> {
        try await database.read { db in
            try await Self.table.page(db, page, filters: siteId.map { [("site_id", $0)] } ?? [])
        }
    }

    /// The area with `id`.
    public func get(_ id: UUID) async throws -> Area {
        try await Self.table.get(on: database, id: id)
    }

    /// Creates an area in an existing site; its code must be unused in that site.
    public func create(_ input: AreaInput) async throws -> Area {
        try input.validate()
        return try await database.transaction { db in
            try await ParentCheck.require(SiteRepository.table, db, id: input.siteId, field: "siteId")
            try await Self.requireFreeCode(db, input.code, siteId: input.siteId, excluding: nil)
            let now = RecordClock.now()
            let area = Area(
                id: UUID(), siteId: input.siteId, code: input.code, name: input.name, description: input.description,
                createdAt: now, updatedAt: now)
            try await Self.table.insert(db, area)
            return area
        }
    }

    /// Replaces the area's fields; an area stays in its site.
    public func replace(_ id: UUID, with input: AreaInput) async throws -> Area {
        try input.validate()
        return try await database.transaction { db in
            var area = try await Self.table.require(db, id: id)
            guard input.siteId == area.siteId else {
                throw DomainError.invalid([FieldViolation(field: "/siteId", reason: "an area cannot move to another site")])
            }
            try await Self.requireFreeCode(db, input.code, siteId: area.siteId, excluding: id)
            area.code = input.code
            area.name = input.name
            area.description = input.description
            area.updatedAt = RecordClock.now()
            try await Self.table.update(db, area)
            return area
        }
    }

    /// Deletes the area, refused while it has lines.
    public func delete(_ id: UUID) async throws {
        try await Self.table.delete(on: database, id: id, guardedBy: Self.deleteGuard)
    }

    private static func requireFreeCode(_ db: any SQLDatabase, _ code: String, siteId: UUID, excluding: UUID?) async throws {
        if try await table.isTaken(db, column: "code", value: code, scope: [("site_id", siteId)], excluding: excluding) {
            throw DomainError.duplicate(field: "code", value: code, scope: "by another area of this site")
        }
    }
}

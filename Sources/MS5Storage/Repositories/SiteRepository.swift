import Foundation
import MS5Domain
import SQLKit

/// Sites: the top of the plant model.
public struct SiteRepository: Sendable {
    static let table = RecordTable<Site>(name: "sites", noun: "site", sortColumn: "code")
    static let deleteGuard = DeleteGuard(noun: "site", dependents: [.init(table: "areas", column: "site_id", what: "area(s)")])

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of sites, ordered by code.
    public func list(_ page: PageRequest) async throws -> Page<Site> {
        try await Self.table.list(on: database, page)
    }

    /// The site with `id`.
    public func get(_ id: UUID) async throws -> Site {
        try await Self.table.get(on: database, id: id)
    }

    /// Creates a site; its code must be unused.
    public func create(_ input: SiteInput) async throws -> Site {
        try input.validate()
        return try await database.transaction { db in
            try await Self.table.requireUnused(db, column: "code", value: input.code, excluding: nil, owner: "by another site")
            let now = RecordClock.now()
            let site = Site(id: UUID(), code: input.code, name: input.name, timeZone: input.timeZone, createdAt: now, updatedAt: now)
            try await Self.table.insert(db, site)
            return site
        }
    }

    /// Replaces the site's fields.
    public func replace(_ id: UUID, with input: SiteInput) async throws -> Site {
        try input.validate()
        return try await database.transaction { db in
            var site = try await Self.table.require(db, id: id)
            try await Self.table.requireUnused(db, column: "code", value: input.code, excluding: id, owner: "by another site")
            site.code = input.code
            site.name = input.name
            site.timeZone = input.timeZone
            site.updatedAt = RecordClock.now()
            try await Self.table.update(db, site)
            return site
        }
    }

    /// Deletes the site, refused while it has areas.
    public func delete(_ id: UUID) async throws {
        try await Self.table.delete(on: database, id: id, guardedBy: Self.deleteGuard)
    }
}

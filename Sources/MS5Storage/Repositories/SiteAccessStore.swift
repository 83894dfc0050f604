import Foundation
import MS5Domain
import SQLKit

/// Which sites each account works at (``SiteScope``), and the site each scoped record belongs to.
public struct SiteAccessStore: Sendable {
    let database: Database

    /// Creates the store over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// The sites the account `userId` was given; none means every site.
    public func siteIds(of userId: UUID) async throws -> Set<UUID> {
        try await database.read { db in
            Set(try await db.select().column("site_id").from("user_sites").where("user_id", .equal, SQLBind(userId))
                .all(decodingColumn: "site_id", as: UUID.self))
        }
    }

    /// The scope of the account `userId`.
    public func scope(of userId: UUID) async throws -> SiteScope {
        SiteScope(siteIds: try await siteIds(of: userId))
    }

    /// Gives the account `userId` exactly the sites `siteIds` (none: every site); every id must
    /// be a site. Goes to the audit ledger when it changes anything.
    public func setSites(_ siteIds: [UUID], of userId: UUID) async throws -> Set<UUID> {
        try await database.transaction { db in
            _ = try await UserRepository.table.require(db, id: userId)
            for (index, siteId) in siteIds.enumerated() {
                try await ParentCheck.require(SiteRepository.table, db, id: siteId, field: "siteIds/\(index)")
            }
            return try await Self.replace(with: Set(siteIds), of: userId, on: db)
        }
    }

    /// Gives the account `userId` the sites whose codes are `codes` (an identity provider's
    /// claim); codes of no site are left out. Answers the sites given.
    public func setSites(codes: [String], of userId: UUID) async throws -> Set<UUID> {
        try await database.transaction { db in
            let ids = codes.isEmpty ? [] : try await db.select().column("id").from("sites")
                .where("code", .in, SQLBind.group(codes)).all(decodingColumn: "id", as: UUID.self)
            return try await Self.replace(with: Set(ids), of: userId, on: db)
        }
    }

    /// The ids of the sites with codes `codes`, by code; codes of no site are missing.
    public func siteIds(codes: [String]) async throws -> [String: UUID] {
        guard !codes.isEmpty else { return [:] }
        return try await database.read { db in
            var found: [String: UUID] = [:]
            for row in try await db.select().columns("id", "code").from("sites").where("code", .in, SQLBind.group(codes)).all() {
                found[try row.decode(column: "code", as: String.self)] = try row.decode(column: "id", as: UUID.self)
            }
            return found
        }
    }

    /// The codes of the sites `ids`, sorted.
    public func codes(of ids: Set<UUID>) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try await db.select().column("code").from("sites").where("id", .in, SQLBind.group(Array(ids))).orderBy("code")
                .all(decodingColumn: "code", as: String.self)
        }
    }

    /// The lines and the equipment of the sites `siteIds`.
    public func lineAndEquipmentIds(ofSites siteIds: Set<UUID>) async throws -> (lines: [UUID], equipment: [UUID]) {
        guard !siteIds.isEmpty else { return ([], []) }
        return try await database.read { db in
            let sites = SQLBind.group(Array(siteIds))
            let lines = try await db.select().column("id").from("lines").where("site_id", .in, sites).all(decodingColumn: "id", as: UUID.self)
            let equipment = try await db.select().column("id").from("equipment").where("site_id", .in, sites)
                .all(decodingColumn: "id", as: UUID.self)
            return (lines, equipment)
        }
    }

    /// The site of the record `id` of kind `record`; nil when there is no such record.
    public func site(of record: ScopedRecord, id: UUID) async throws -> UUID? {
        try await sites(of: record, ids: [id])[id]
    }

    /// The site of each of the records `ids` of kind `record` that exists, in one query.
    public func sites(of record: ScopedRecord, ids: Set<UUID>) async throws -> [UUID: UUID] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            var sites: [UUID: UUID] = [:]
            for row in try await db.raw(record.sitesQuery(Array(ids))).all() {
                sites[try row.decode(column: "record_id", as: UUID.self)] = try row.decode(column: "site_id", as: UUID.self)
            }
            return sites
        }
    }

    private static func replace(with siteIds: Set<UUID>, of userId: UUID, on db: any SQLDatabase) async throws -> Set<UUID> {
        let before = Set(try await db.select().column("site_id").from("user_sites").where("user_id", .equal, SQLBind(userId))
            .all(decodingColumn: "site_id", as: UUID.self))
        guard before != siteIds else { return siteIds }
        try await db.delete(from: "user_sites").where("user_id", .equal, SQLBind(userId)).run()
        if !siteIds.isEmpty {
            var insert = db.insert(into: "user_sites").columns("user_id", "site_id")
            for siteId in siteIds { insert = insert.values(SQLBind(userId), SQLBind(siteId)) }
            try await insert.run()
        }
        try await AuditLedger.record(
            db, action: "update", recordType: "user sites", recordId: userId.uuidString.lowercased(),
            before: sorted(before), after: sorted(siteIds))
        return siteIds
    }

    private static func sorted(_ ids: Set<UUID>) -> [String] {
        ids.map { $0.uuidString.lowercased() }.sorted()
    }
}

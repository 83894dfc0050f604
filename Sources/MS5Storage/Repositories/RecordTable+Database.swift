import Foundation
import MS5Domain
import SQLKit

extension RecordTable {
    /// One page of records read on `database`, matching `filters` (column = id).
    func list(on database: Database, _ request: PageRequest, filters: [(String, UUID)] = []) async throws -> Page<Record> {
        try await database.read { db in try await page(db, request, filters: filters) }
    }

    /// The record with `id` read on `database`, or a not-found error.
    func get(on database: Database, id: UUID) async throws -> Record {
        try await database.read { db in try await require(db, id: id) }
    }

    /// Deletes the record with `id` in one transaction, refused while `deleteGuard` finds rows
    /// that still point at it.
    func delete(on database: Database, id: UUID, guardedBy deleteGuard: DeleteGuard) async throws {
        try await database.transaction { db in
            _ = try await require(db, id: id)
            try await deleteGuard.check(db, id: id)
            try await delete(db, id: id)
        }
    }

    /// Refuses `value` for `column` when another record than `excluding` within `scope` has it,
    /// with a conflict naming the field and `owner` ("by another site").
    func requireUnused(_ db: any SQLDatabase, column: String, value: String, scope: [(String, UUID)] = [], excluding: UUID?, owner: String) async throws {
        if try await isTaken(db, column: column, value: value, scope: scope, excluding: excluding) {
            throw DomainError.duplicate(field: column, value: value, scope: owner)
        }
    }
}

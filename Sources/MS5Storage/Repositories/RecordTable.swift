import Foundation
import MS5Domain
import SQLKit

/// A record kept in one table, addressed by id and listed by a unique-enough sort key.
protocol StoredRecord: Codable, Sendable, Equatable {
    var id: UUID { get }
    /// The value lists are ordered by (with the id breaking ties), also the cursor's key.
    var sortKey: String { get }
}

/// The generic reads and writes shared by every table of records: one place for paging,
/// lookups and deletes, so that each repository holds only its own rules.
struct RecordTable<Record: StoredRecord>: Sendable {
    /// The table's name.
    let name: String
    /// What one record is called in messages (`site`, `equipment`).
    let noun: String
    /// The column behind ``StoredRecord/sortKey``.
    let sortColumn: String

    /// One page of records matching `filters` (column = id), ordered by sort key then id.
    func page(_ db: any SQLDatabase, _ request: PageRequest, filters: [(String, UUID)] = []) async throws -> Page<Record> {
        var query = db.select().column("*").from(name)
        for (column, value) in filters {
            query = query.where(SQLIdentifier(column), .equal, value)
        }
        if let after = request.after {
            query = query.where {
                $0.where(SQLIdentifier(sortColumn), .greaterThan, after.key).orWhere {
                    $0.where(SQLIdentifier(sortColumn), .equal, after.key).where("id", .greaterThan, after.id)
                }
            }
        }
        let rows = try await query.orderBy(sortColumn).orderBy("id").limit(request.limit + 1)
            .all(decoding: Record.self, keyDecodingStrategy: .convertFromSnakeCase)
        let items = Array(rows.prefix(request.limit))
        let next = rows.count > request.limit ? items.last.map { PageCursor(key: $0.sortKey, id: $0.id).encoded } : nil
        return Page(items: items, nextCursor: next)
    }

    /// The record with `id`, or nil.
    func find(_ db: any SQLDatabase, id: UUID) async throws -> Record? {
        try await db.select().column("*").from(name).where("id", .equal, id).limit(1)
            .first(decoding: Record.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The record with `id`, or a not-found error.
    func require(_ db: any SQLDatabase, id: UUID) async throws -> Record {
        guard let record = try await find(db, id: id) else { throw DomainError.notFound(noun, id: id) }
        return record
    }

    /// Whether a row other than `excluding` has `value` in `column` among rows matching `scope`.
    func isTaken(_ db: any SQLDatabase, column: String, value: String, scope: [(String, UUID)], excluding: UUID?) async throws -> Bool {
        var query = db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(name)
            .where(SQLIdentifier(column), .equal, value)
        for (scopeColumn, scopeValue) in scope {
            query = query.where(SQLIdentifier(scopeColumn), .equal, scopeValue)
        }
        if let excluding {
            query = query.where("id", .notEqual, excluding)
        }
        return try await query.first(decodingColumn: "n", as: Int.self) ?? 0 > 0
    }

    /// How many rows of `table` have `column` = `id`: the children or history that block a delete.
    static func count(_ db: any SQLDatabase, in table: String, where column: String, equals id: UUID) async throws -> Int {
        try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLIdentifier(column), .equal, id)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Inserts a new record, and its creation in the audit ledger.
    func insert(_ db: any SQLDatabase, _ record: Record) async throws {
        try await db.insert(into: name).model(record, keyEncodingStrategy: .convertToSnakeCase).run()
        try await AuditLedger.record(db, action: "create", recordType: noun, recordId: record.id.uuidString.lowercased(), before: Record?.none, after: record)
    }

    /// Replaces every column of the record with the same id, and records the change with the
    /// record as it was.
    func update(_ db: any SQLDatabase, _ record: Record) async throws {
        let before = try await find(db, id: record.id)
        try await db.update(name)
            .set(model: record, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .where("id", .equal, record.id)
            .run()
        try await AuditLedger.record(db, action: "update", recordType: noun, recordId: record.id.uuidString.lowercased(), before: before, after: record)
    }

    /// Deletes the record with `id`, recording it as it was.
    func delete(_ db: any SQLDatabase, id: UUID) async throws {
        let before = try await find(db, id: id)
        try await db.delete(from: name).where("id", .equal, id).run()
        try await AuditLedger.record(db, action: "delete", recordType: noun, recordId: id.uuidString.lowercased(), before: before, after: Record?.none)
    }
}

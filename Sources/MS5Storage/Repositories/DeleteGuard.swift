import Foundation
import MS5Domain
import SQLKit

/// Refuses to delete a record that still has children or history, saying which and how many.
struct DeleteGuard: Sendable {
    /// A kind of row that blocks a delete: its table, the column pointing at the record, and its name in words.
    struct Dependent: Sendable {
        let table: String
        let column: String
        let what: String
        /// The record's own table and column that `column` holds, when it is not the record's id.
        var recordKey: (table: String, column: String)?
    }

    let noun: String
    let dependents: [Dependent]

    /// Throws a conflict naming every kind of dependent row that still points at `id`.
    func check(_ db: any SQLDatabase, id: UUID) async throws {
        var blockers: [String] = []
        for dependent in dependents {
            let count: Int
            if let recordKey = dependent.recordKey {
                count = try await db.raw("""
                    SELECT count(*) AS n FROM \(ident: dependent.table)
                    WHERE \(ident: dependent.column) = (SELECT \(ident: recordKey.column) FROM \(ident: recordKey.table) WHERE id = \(bind: id))
                    """).first(decodingColumn: "n", as: Int.self) ?? 0
            } else {
                count = try await RecordTable<Site>.count(db, in: dependent.table, where: dependent.column, equals: id)
            }
            if count > 0 { blockers.append("\(count) \(dependent.what)") }
        }
        guard blockers.isEmpty else {
            throw DomainError(
                .conflict,
                "The \(noun) still has \(blockers.joined(separator: " and ")); it cannot be deleted until they are removed."
            )
        }
    }
}

import Foundation
import MS5Domain
import SQLKit

/// Checks that a record named in a request body exists, refusing the body's field when it does not.
enum ParentCheck {
    /// The parent record with `id`, or a 422 naming `field`.
    @discardableResult
    static func require<Parent>(_ table: RecordTable<Parent>, _ db: any SQLDatabase, id: UUID, field: String) async throws -> Parent {
        guard let parent = try await table.find(db, id: id) else {
            throw DomainError.invalid([FieldViolation(field: "/\(field)", reason: "no \(table.noun) with this id exists")])
        }
        return parent
    }
}

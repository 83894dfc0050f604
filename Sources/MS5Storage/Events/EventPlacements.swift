import Foundation
import MS5Domain
import SQLKit

/// Where an equipment or a line sits, for placing its events in the plant.
enum EventPlacements {
    /// The site and line of an equipment, read on `db`.
    static func equipment(_ db: any SQLDatabase, id: UUID) async throws -> EventPlacement {
        guard let row = try await db.select().columns("site_id", "line_id").from("equipment").where("id", .equal, id).first() else {
            throw DomainError.notFound("equipment", id: id)
        }
        return EventPlacement(
            siteId: try row.decode(column: "site_id", as: UUID.self), lineId: try row.decode(column: "line_id", as: UUID.self), equipmentId: id)
    }

    /// The site of a line, read on `db`.
    static func siteOfLine(_ db: any SQLDatabase, id: UUID) async throws -> UUID {
        guard let siteId = try await db.select().column("site_id").from("lines").where("id", .equal, id)
            .first(decodingColumn: "site_id", as: UUID.self)
        else { throw DomainError.notFound("line", id: id) }
        return siteId
    }
}

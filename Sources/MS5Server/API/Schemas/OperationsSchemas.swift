import MS5Domain

/// The answer of `/health` and `/ready`.
struct HealthStatus: Codable, Sendable, DocumentedSchema {
    /// `ok` for liveness, `ready` when the database is reachable and current.
    let status: String
    let version: String
    let database: String?
    let schemaVersion: Int?

    static let schemaName = "HealthStatus"
    static var schema: JSONSchema {
        .object([
            "status": .enumeration(["ok", "ready"]), "version": .plainString,
            "database": JSONSchema.enumeration(["sqlite", "postgres"]).orNull,
            "schemaVersion": JSONSchema(json: ["type": "integer"]).orNull,
        ], required: ["status", "version"])
    }
}

extension Problem: DocumentedSchema {
    static let schemaName = "Problem"
    static var schema: JSONSchema {
        .object([
            "type": .plainString, "title": .plainString, "status": JSONSchema(json: ["type": "integer"]),
            "detail": .plainString, "code": .plainString, "requestId": .plainString,
            "errors": .array(of: .object(["field": .string(minLength: 0), "reason": .plainString], required: ["field", "reason"])),
        ], required: ["type", "title", "status", "detail", "code", "errors"],
        description: "An RFC 9457 problem; errors name the fields at fault by JSON pointer.")
    }
}

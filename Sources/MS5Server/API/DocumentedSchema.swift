import MS5Domain

/// A type that appears in API bodies, with the schema that describes its JSON.
protocol DocumentedSchema {
    /// The name under `#/components/schemas`.
    static var schemaName: String { get }
    /// The schema of the type's JSON.
    static var schema: JSONSchema { get }
    /// The types this schema refers to by `$ref`, so that the document includes them too.
    static var referencedSchemas: [any DocumentedSchema.Type] { get }
}

extension DocumentedSchema {
    static var referencedSchemas: [any DocumentedSchema.Type] { [] }

    /// This schema and every schema it refers to, directly or not, by name.
    static var schemaClosure: [String: JSONSchema] {
        var all = [schemaName: schema]
        for referenced in referencedSchemas {
            all.merge(referenced.schemaClosure) { current, _ in current }
        }
        return all
    }
}

/// A type in the API with no body of its own: a `204 No Content` answer.
struct NoContent: Sendable {}

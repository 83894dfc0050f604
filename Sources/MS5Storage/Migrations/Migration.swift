import SQLKit

/// One step of the schema, applied once, in version order, in its own transaction.
struct Migration: Sendable {
    /// Position in the history; never reused, never changed once released.
    let version: Int
    /// What the step does, for `ms5 migrate` output and the migrations table.
    let name: String
    /// Applies the step on `db`, which is a database of `kind`.
    let apply: @Sendable (_ db: any SQLDatabase, _ kind: Database.Kind) async throws -> Void

    /// A step made of DDL written once, with `{uuid}`, `{timestamp}`, `{bool}`, `{json}` and
    /// `{double}` standing for each database's column types.
    init(_ version: Int, _ name: String, ddl: [String]) {
        self.version = version
        self.name = name
        self.apply = { db, kind in
            for statement in ddl {
                try await db.raw(SQLQueryString(ColumnTypes(kind).expand(statement))).run()
            }
        }
    }

    /// A step that needs code, for what differs by database beyond column types.
    init(_ version: Int, _ name: String, apply: @escaping @Sendable (any SQLDatabase, Database.Kind) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

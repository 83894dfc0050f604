import Foundation

/// The column types that differ between SQLite and PostgreSQL, as the drivers encode Swift values:
/// SQLite keeps UUIDs as text, dates as seconds since 1970 and booleans as integers.
struct ColumnTypes: Sendable {
    let kind: Database.Kind

    init(_ kind: Database.Kind) {
        self.kind = kind
    }

    /// Replaces each `{type}` placeholder in a static DDL statement with this database's type.
    func expand(_ statement: String) -> String {
        let types: [(String, String)] = switch kind {
        case .sqlite:
            [("{uuid}", "TEXT"), ("{timestamp}", "REAL"), ("{bool}", "INTEGER"), ("{json}", "TEXT"),
             ("{double}", "REAL")]
        case .postgres:
            [("{uuid}", "UUID"), ("{timestamp}", "TIMESTAMPTZ"), ("{bool}", "BOOLEAN"), ("{json}", "JSONB"),
             ("{double}", "DOUBLE PRECISION")]
        }
        return types.reduce(statement) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

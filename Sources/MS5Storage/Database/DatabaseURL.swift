import Foundation

/// Where the data lives, as given on the command line or in configuration:
/// `sqlite:./ms5-data/ms5.sqlite`, `sqlite::memory:` or `postgres://user:pass@host:5432/ms5`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// An embedded SQLite file, created with its folder when missing.
    case sqliteFile(path: String)
    /// A private in-memory SQLite database, gone when the process ends.
    case sqliteMemory
    /// A PostgreSQL server.
    case postgres(PostgresSettings)

    /// Parses a database URL, saying what is wrong when it is not one.
    public init(parsing text: String) throws(StorageError) {
        if text == "sqlite::memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw StorageError.badURL(text, "it names no file") }
            self = .sqliteFile(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresSettings(url: text))
        } else {
            throw StorageError.badURL(text, "it must start with sqlite: or postgres://")
        }
    }

    /// The URL with any password masked, for logs.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let settings): settings.description
        }
    }
}

import MS5Storage
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("SQLite files, memory and PostgreSQL URLs are understood")
    func parses() throws {
        #expect(try DatabaseURL(parsing: "sqlite:./ms5-data/ms5.sqlite") == .sqliteFile(path: "./ms5-data/ms5.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite::memory:") == .sqliteMemory)
        guard case .postgres(let settings) = try DatabaseURL(parsing: "postgres://ms5:s%40cret@db.plant:6432/ms5?sslmode=require&pool_max=20")
        else { Issue.record("not postgres"); return }
        #expect(settings.host == "db.plant")
        #expect(settings.port == 6432)
        #expect(settings.password == "s@cret")
        #expect(settings.tls == .require)
        #expect(settings.maximumConnections == 20)
        #expect(settings.description == "postgres://ms5:***@db.plant:6432/ms5")
    }

    @Test("Unusable URLs are refused with the reason", arguments: [
        ("mysql://x", "it must start with sqlite: or postgres://"),
        ("sqlite:", "it names no file"),
        ("postgres://host/db", "it has no user name"),
        ("postgres://u@host", "it names no database"),
        ("postgres://u@host/db?sslmode=maybe", "sslmode must be disable, prefer or require"),
        ("postgres://u@host/db?pool_max=0", "pool_max must be a whole number from 1 to 200"),
    ])
    func refuses(url: String, reason: String) {
        let error = #expect(throws: StorageError.self) { try DatabaseURL(parsing: url) }
        #expect(error?.message == "The database URL '\(url)' is not usable: \(reason).")
    }
}

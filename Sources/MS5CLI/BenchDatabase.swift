import Logging
import MS5Storage

/// Where a benchmark writes: a temporary SQLite file (`sqlite`), or a scratch database on the
/// PostgreSQL server of a `postgres://` URL.
enum BenchDatabase {
    static func with(_ target: String, logger: Logger, _ body: @Sendable (Database) async throws -> Void) async throws {
        let location: ScratchDatabase.Location
        if target == "sqlite" {
            location = .sqlite
        } else if case .postgres(let server) = try DatabaseURL(parsing: target) {
            location = .postgres(server)
        } else {
            throw CommandFailure("--database must be sqlite or a postgres:// URL.")
        }
        try await ScratchDatabase.with(location, prefix: "ms5-bench", logger: logger, body)
    }
}

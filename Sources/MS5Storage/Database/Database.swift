import Logging
import PostgresNIO
import SQLKit
import ServiceLifecycle

/// The one handle the rest of MS5 uses to reach its data, whichever database holds it.
///
/// Storage code is written once against SQLKit and runs on both: ``read(_:)`` for queries,
/// ``transaction(_:)`` for every change. As a `Service` it keeps the PostgreSQL pool running, and
/// closes the database when the service group shuts down.
public struct Database: Sendable, Service {
    /// Which kind of database this is, for the few statements that differ.
    public enum Kind: String, Sendable {
        case sqlite, postgres
    }

    enum Backend: Sendable {
        case sqlite(SQLiteStore)
        case postgres(PostgresStore)
    }

    let backend: Backend
    /// Live figures of connection use, for monitoring.
    public let statistics: PoolStatistics
    /// Where the data lives, password masked.
    public let url: DatabaseURL
    public let logger: Logger
    /// Wakes the outbox's followers in this process when a transaction that wrote events commits.
    let outboxSignal = OutboxSignal()

    /// Opens the database at `url`. For PostgreSQL, ``run()`` must be running before queries complete.
    public static func open(_ url: DatabaseURL, logger: Logger) async throws -> Database {
        switch url {
        case .sqliteFile(let path):
            let store = try await SQLiteStore.open(path: path, logger: logger)
            return Database(backend: .sqlite(store), statistics: PoolStatistics(capacity: store.connectionCount), url: url, logger: logger)
        case .sqliteMemory:
            let store = try await SQLiteStore.open(path: nil, logger: logger)
            return Database(backend: .sqlite(store), statistics: PoolStatistics(capacity: store.connectionCount), url: url, logger: logger)
        case .postgres(let settings):
            let store = PostgresStore(settings: settings, logger: logger)
            return Database(
                backend: .postgres(store), statistics: PoolStatistics(capacity: settings.maximumConnections), url: url, logger: logger)
        }
    }

    /// Opens the database, runs `body` with it, and closes it again: for commands that do one job.
    public static func withOpen<R: Sendable>(
        _ url: DatabaseURL, logger: Logger, _ body: @Sendable (Database) async throws -> R
    ) async throws -> R {
        let database = try await open(url, logger: logger)
        switch database.backend {
        case .sqlite(let store):
            do {
                let result = try await body(database)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        case .postgres(let store):
            return try await withThrowingTaskGroup(of: Void.self) { group in
                // Let the pool start running before the first query asks it for a connection.
                let (started, signal) = AsyncStream<Void>.makeStream()
                group.addTask {
                    signal.finish()
                    await store.client.run()
                }
                for await _ in started {}
                defer { group.cancelAll() }
                return try await body(database)
            }
        }
    }

    /// The kind of database behind this handle.
    public var kind: Kind {
        switch backend {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// Runs queries that change nothing.
    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let asked = ContinuousClock.now
        switch backend {
        case .sqlite(let store): return try await store.read { db in try await statistics.track(since: asked) { try await body(db) } }
        case .postgres(let store): return try await store.read { db in try await statistics.track(since: asked) { try await body(db) } }
        }
    }

    /// Runs `body` in one transaction: all of its changes land, or none do.
    /// After a commit that wrote events to the outbox, this process's followers are woken, and on
    /// PostgreSQL those of every instance that listens.
    public func transaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let asked = ContinuousClock.now
        let writes = OutboxWrites()
        let result = try await OutboxWrites.$current.withValue(writes) {
            switch backend {
            case .sqlite(let store):
                return try await store.transaction { db in try await statistics.track(since: asked) { try await body(db) } }
            case .postgres(let store):
                return try await store.transaction { db in
                    let result = try await statistics.track(since: asked) { try await body(db) }
                    // One notification per transaction that wrote events, delivered at commit to
                    // the followers of every instance (``EventLog/listenForCommits()``).
                    if writes.happened { try await db.raw("SELECT pg_notify(\(bind: EventLog.commitChannel), '')").run() }
                    return result
                }
            }
        }
        if writes.happened { outboxSignal.committed() }
        return result
    }

    /// PostgreSQL only: runs `body` in one transaction on the connection itself (for COPY);
    /// answers nil on SQLite without running it.
    func postgresTransaction<R: Sendable>(_ body: (PostgresConnection) async throws -> R) async throws -> R? {
        guard case .postgres(let store) = backend else { return nil }
        let asked = ContinuousClock.now
        return try await store.connectionTransaction { connection in try await statistics.track(since: asked) { try await body(connection) } }
    }

    /// Keeps the connection pool running until shutdown, then closes the database.
    public func run() async throws {
        switch backend {
        case .sqlite(let store):
            try? await gracefulShutdown()
            // Closing must finish even when shutdown came as cancellation: do it outside this task.
            await Task { await store.close() }.value
        case .postgres(let store):
            await cancelWhenGracefulShutdown { await store.client.run() }
        }
    }
}

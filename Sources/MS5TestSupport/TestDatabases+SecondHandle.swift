import Foundation
import MS5Storage

extension TestDatabases {
    /// Runs `body` with a second handle on `database`, as a second ms5 instance on the same
    /// database has one, for tests of work that must happen once across instances.
    ///
    /// On SQLite the two handles' writers wait for each other inside SQLite (its busy timeout),
    /// each wait holding a thread of the thread pool every connection shares. Two such tests at
    /// once on a 2-core machine can hold every thread while the lock's holder needs one to finish,
    /// until the timeout fails them with "database is locked"; so on SQLite these bodies take
    /// turns across the test process.
    public static func withSecondHandle<R: Sendable>(to database: Database, _ body: @Sendable (Database) async throws -> R) async throws -> R {
        guard database.kind == .sqlite else {
            return try await Database.withOpen(database.url, logger: logger, body)
        }
        return try await SecondHandleTurns.shared.take { try await Database.withOpen(database.url, logger: logger, body) }
    }
}

/// Whose turn it is to run two SQLite handles on one file at once.
private actor SecondHandleTurns {
    static let shared = SecondHandleTurns()

    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` in its turn.
    func take<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        if taken {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            taken = true
        }
        defer {
            if waiting.isEmpty { taken = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}

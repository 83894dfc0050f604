import Foundation
import Logging
import NIOPosix
import SQLiteKit
import Synchronization

/// The embedded database: one writer connection whose transactions are serialised, and reader
/// connections that read alongside it thanks to WAL mode.
///
/// Its connections run SQLite's blocking calls on threads of their own, one each: on the shared
/// pool (one thread per core) a connection waiting for another handle's lock would hold a thread
/// the holder of that lock may need to finish, and both would wait out the busy timeout.
final class SQLiteStore: Sendable {
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let threads: NIOThreadPool
    private let writeLock = AsyncLock()
    private let nextReader = Atomic<Int>(0)
    private let logger: Logger

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], threads: NIOThreadPool, logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.threads = threads
        self.logger = logger
    }

    /// Opens the file at `path` (creating its folder), or a private in-memory database when nil.
    static func open(path: String?, readerCount: Int = 2, logger: Logger) async throws -> SQLiteStore {
        let threads = NIOThreadPool(numberOfThreads: path == nil ? 1 : readerCount + 1)
        threads.start()
        func connect(_ storage: SQLiteConnection.Storage) async throws -> SQLiteConnection {
            try await SQLiteConnection.open(storage: storage, threadPool: threads, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        }
        do {
            guard let path else {
                let connection = try await connect(.memory)
                try await configure(connection, writer: true)
                return SQLiteStore(writer: connection, readers: [], threads: threads, logger: logger)
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let writer = try await connect(.file(path: path))
            try await configure(writer, writer: true)
            var readers: [SQLiteConnection] = []
            for _ in 0..<readerCount {
                let reader = try await connect(.file(path: path))
                try await configure(reader, writer: false)
                readers.append(reader)
            }
            return SQLiteStore(writer: writer, readers: readers, threads: threads, logger: logger)
        } catch {
            try? await threads.shutdownGracefully()
            throw error
        }
    }

    /// How long a connection waits for another process's write transaction on the same file (an
    /// `ms5` command beside the server, a second handle) before it gives up, in milliseconds:
    /// long enough for a loaded machine, where such a transaction can take seconds.
    static let busyTimeoutMilliseconds = 20_000

    private static func configure(_ connection: SQLiteConnection, writer: Bool) async throws {
        let db = connection.sql()
        try await db.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        try await db.raw("PRAGMA foreign_keys = ON").run()
        if writer {
            try await db.raw("PRAGMA journal_mode = WAL").run()
            try await db.raw("PRAGMA synchronous = NORMAL").run()
        }
    }

    /// How many connections the store holds.
    var connectionCount: Int { readers.count + 1 }

    /// Runs read-only work on a reader connection (the writer, under its lock, for in-memory databases).
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        guard !readers.isEmpty else {
            return try await writeLock.withLock { try await body(writer.sql()) }
        }
        let index = nextReader.add(1, ordering: .relaxed).newValue % readers.count
        return try await body(readers[index].sql())
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction on the writer, committed when it returns.
    func transaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writeLock.withLock {
            let db = writer.sql()
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                // A cancelled task's statements are refused; the rollback runs all the same, or
                // the writer would stay inside this transaction.
                try? await Task { try await db.raw("ROLLBACK").run() }.value
                throw error
            }
        }
    }

    /// Closes every connection, then stops their threads; the WAL is checkpointed by SQLite when
    /// the last connection closes. It runs to its end even when the caller's task is cancelled
    /// (a test over its time limit, a shutdown): a connection left open is a crash when released.
    func close() async {
        let (connections, threads, logger) = (readers + [writer], threads, logger)
        await Task {
            for connection in connections {
                do { try await connection.close() } catch {
                    logger.warning("Closing an SQLite connection failed", metadata: ["error": "\(error)"])
                }
            }
            do { try await threads.shutdownGracefully() } catch {
                logger.warning("Stopping the SQLite threads failed", metadata: ["error": "\(error)"])
            }
        }.value
    }
}

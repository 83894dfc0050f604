import PostgresNIO
import SQLKit

extension Database {
    /// Whether ``notify(channel:payload:)`` reaches other ms5 instances: true on PostgreSQL,
    /// where LISTEN/NOTIFY carries it; SQLite serves one instance only.
    public var sharesNotifications: Bool { kind == .postgres }

    /// Sends `payload` (at most 8,000 bytes) to every instance listening on `channel`, this one
    /// included. Does nothing on SQLite.
    public func notify(channel: String, payload: String) async throws {
        guard case .postgres = backend else { return }
        try await read { db in
            try await db.select().column(SQLFunction("pg_notify", args: SQLBind(channel), SQLBind(payload))).run()
        }
    }

    /// Hands every notification on `channel` to `receive` until the task is cancelled or the
    /// connection is lost (then it throws, and the caller listens again). Returns at once on SQLite.
    public func listen(channel: String, _ receive: @Sendable (String) async -> Void) async throws {
        guard case .postgres(let store) = backend else { return }
        try await store.client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                for try await notification in notifications {
                    await receive(notification.payload)
                }
            }
        }
    }
}

import Foundation
import SQLiteNIO

/// The SQL of the queue file: schema, pragmas and the statements ``DiskQueue`` runs.
///
/// Stateless; every call is one statement on the queue's single connection. ``DiskQueue`` serialises
/// calls and brackets them in transactions.
struct QueueStore: Sendable {
    /// The schema version this code writes and reads (`PRAGMA user_version`).
    static let schemaVersion: Int64 = 1
    /// Rows per multi-row INSERT (five bound values each).
    static let insertChunk = 500

    let connection: SQLiteConnection
    let path: String

    /// The formed, unacknowledged batch: at most one row exists.
    struct FormedBatch: Sendable {
        var sequence: Int64
        var firstID: Int64
        var lastID: Int64
        var sampleCount: Int
    }

    /// Applies the durability pragmas and creates or checks the schema.
    func prepare(firstSequence: Int64) async throws {
        // Takes effect only on a new, empty file, and only before the WAL switch writes its header.
        _ = try await connection.query("PRAGMA auto_vacuum = INCREMENTAL")
        let mode = try await connection.query("PRAGMA journal_mode = WAL").first?.column("journal_mode")?.string
        guard mode?.lowercased() == "wal" else {
            throw DiskQueueError.incompatibleFile(path: path, reason: "cannot switch to WAL journal mode (got \(mode ?? "nothing"))")
        }
        _ = try await connection.query("PRAGMA synchronous = FULL")
        _ = try await connection.query("PRAGMA journal_size_limit = 67108864")
        let version = try await connection.query("PRAGMA user_version").first?.column("user_version")?.integer ?? 0
        if Int64(version) > Self.schemaVersion {
            throw DiskQueueError.incompatibleFile(path: path, reason: "schema version \(version) is newer than \(Self.schemaVersion)")
        }
        guard version == 0 else { return }
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            for statement in [
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                """
                CREATE TABLE samples (id INTEGER PRIMARY KEY AUTOINCREMENT, metric_hi INTEGER NOT NULL, \
                metric_lo INTEGER NOT NULL, ts_ms INTEGER NOT NULL, value REAL NOT NULL, quality INTEGER NOT NULL)
                """,
                """
                CREATE TABLE batches (sequence INTEGER PRIMARY KEY, first_id INTEGER NOT NULL, \
                last_id INTEGER NOT NULL, sample_count INTEGER NOT NULL, formed_at_ms INTEGER NOT NULL)
                """,
                """
                CREATE TABLE dead_letters (sequence INTEGER PRIMARY KEY, reason TEXT NOT NULL, \
                dead_lettered_at_ms INTEGER NOT NULL, sample_count INTEGER NOT NULL, samples_json TEXT NOT NULL)
                """,
            ] {
                _ = try await connection.query(statement)
            }
            _ = try await connection.query(
                "INSERT INTO meta (key, value) VALUES ('next_sequence', ?), ('batched_through', 0), ('dropped_total', 0), ('dead_lettered_total', 0)",
                [.integer(Int(firstSequence))])
            _ = try await connection.query("PRAGMA user_version = \(Self.schemaVersion)")
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    func execute(_ sql: String, _ binds: [SQLiteData] = []) async throws {
        _ = try await connection.query(sql, binds)
    }

    func integer(_ sql: String, _ binds: [SQLiteData] = []) async throws -> Int64? {
        guard let data = try await connection.query(sql, binds).first?.columns.first?.data, !data.isNull else { return nil }
        return data.integer.map { Int64($0) }
    }

    func meta(_ key: String) async throws -> Int64 {
        guard let value = try await integer("SELECT value FROM meta WHERE key = ?", [.text(key)]) else {
            throw DiskQueueError.incompatibleFile(path: path, reason: "meta key \(key) is missing")
        }
        return value
    }

    func setMeta(_ key: String, _ value: Int64) async throws {
        try await execute("UPDATE meta SET value = ? WHERE key = ?", [.integer(Int(value)), .text(key)])
    }

    func formedBatch() async throws -> FormedBatch? {
        guard let row = try await connection.query(
            "SELECT sequence, first_id, last_id, sample_count FROM batches ORDER BY sequence LIMIT 1").first
        else { return nil }
        return FormedBatch(
            sequence: Int64(row.column("sequence")?.integer ?? 0),
            firstID: Int64(row.column("first_id")?.integer ?? 0),
            lastID: Int64(row.column("last_id")?.integer ?? 0),
            sampleCount: row.column("sample_count")?.integer ?? 0)
    }

    /// Inserts samples in insertion order, in multi-row statements.
    func insert(_ samples: ArraySlice<EdgeSample>) async throws {
        var start = samples.startIndex
        while start < samples.endIndex {
            let end = min(start + Self.insertChunk, samples.endIndex)
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * 5)
            for sample in samples[start..<end] {
                let (high, low) = sample.metricId.halves
                binds.append(.integer(Int(high)))
                binds.append(.integer(Int(low)))
                binds.append(.integer(Int(ISO8601Milliseconds.milliseconds(of: sample.timestamp))))
                binds.append(.float(sample.value))
                binds.append(.integer(sample.quality))
            }
            let rows = Array(repeating: "(?, ?, ?, ?, ?)", count: end - start).joined(separator: ", ")
            try await execute("INSERT INTO samples (metric_hi, metric_lo, ts_ms, value, quality) VALUES \(rows)", binds)
            start = end
        }
    }

    /// The samples with ids in `ids`, in id (insertion) order.
    func samples(in ids: ClosedRange<Int64>) async throws -> [EdgeSample] {
        let rows = try await connection.query(
            "SELECT metric_hi, metric_lo, ts_ms, value, quality FROM samples WHERE id BETWEEN ? AND ? ORDER BY id",
            [.integer(Int(ids.lowerBound)), .integer(Int(ids.upperBound))])
        return rows.map { row in
            let columns = row.columns
            return EdgeSample(
                metricId: UUID(high: Int64(columns[0].data.integer ?? 0), low: Int64(columns[1].data.integer ?? 0)),
                timestamp: ISO8601Milliseconds.date(fromMilliseconds: Int64(columns[2].data.integer ?? 0)),
                value: columns[3].data.double ?? .nan,
                quality: columns[4].data.integer ?? 0)
        }
    }

    /// Deletes the `count` oldest samples that belong to no batch.
    func deleteOldestUnbatched(_ count: Int) async throws {
        try await execute("""
            DELETE FROM samples WHERE id IN (SELECT id FROM samples \
            WHERE id > (SELECT value FROM meta WHERE key = 'batched_through') ORDER BY id LIMIT ?)
            """, [.integer(count)])
    }
}

import Foundation
import Logging
import NIOCore
import PostgresNIO

/// PostgreSQL's fastest way in: `COPY … FROM STDIN` of samples into a plain table without keys,
/// as the rows they arrive as (equipment, metric, time, value, quality), or into a table shaped
/// like `metric_samples` (the metric's small key, time, value, quality, keyed by metric and time).
/// The ingest benchmark measures both beside the pipeline: the first is the ceiling, the
/// second what a table that keeps every sample once per metric and time can take at all.
public struct RawCopy: Sendable {
    let database: Database

    /// Creates the copier over `database` (PostgreSQL only).
    public init(database: Database) {
        self.database = database
    }

    /// Sample rows in COPY's text format, in both shapes, formatted ahead of the copy so that its
    /// time is PostgreSQL's alone.
    public struct Text: Sendable {
        let received: [ByteBuffer]
        let stored: [ByteBuffer]
        /// The number of rows.
        public let count: Int

        /// Formats `rows` in chunks of `chunkRows`; in the stored shape each metric is numbered in
        /// order of first appearance, as `sample_key` numbers metrics.
        public init(rows: [(equipmentId: UUID, metricId: UUID, timestamp: Date, value: Double)], chunkRows: Int = 10_000) {
            let formatter = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            var keys: [UUID: Int] = [:]
            var received: [ByteBuffer] = []
            var stored: [ByteBuffer] = []
            for start in stride(from: 0, to: rows.count, by: chunkRows) {
                var asReceived = ByteBuffer()
                var asStored = ByteBuffer()
                for row in rows[start..<min(start + chunkRows, rows.count)] {
                    let time = formatter.format(row.timestamp)
                    let key = keys[row.metricId] ?? keys.count + 1
                    keys[row.metricId] = key
                    asReceived.writeString("\(row.equipmentId)\t\(row.metricId)\t\(time)\t\(row.value)\t192\n")
                    asStored.writeString("\(key)\t\(time)\t\(row.value)\t192\n")
                }
                received.append(asReceived)
                stored.append(asStored)
            }
            self.received = received
            self.stored = stored
            count = rows.count
        }
    }

    /// Creates `table` (dropped first if it exists) and copies `text` into it: as received into a
    /// table without keys, or (`keyed`) as stored, with `metric_samples`' primary key (metric,
    /// time). Answers nil on SQLite, which has no COPY.
    public func copySamples(into table: String, _ text: Text, keyed: Bool = false) async throws -> Int? {
        guard case .postgres(let store) = database.backend else { return nil }
        let logger = database.logger
        try await store.client.withConnection { connection in
            try await connection.query("DROP TABLE IF EXISTS \(unescaped: table)", logger: logger)
            let columns = keyed
                ? "metric_key int NOT NULL, ts timestamptz NOT NULL, value float8, quality int NOT NULL, PRIMARY KEY (metric_key, ts)"
                : "equipment_id uuid, metric_id uuid, ts timestamptz, value float8, quality int"
            try await connection.query("CREATE TABLE \(unescaped: table) (\(unescaped: columns))", logger: logger)
            let names = keyed ? ["metric_key", "ts", "value", "quality"] : ["equipment_id", "metric_id", "ts", "value", "quality"]
            try await connection.copyFrom(table: table, columns: names, logger: logger) { writer in
                for chunk in keyed ? text.stored : text.received { try await writer.write(chunk) }
            }
        }
        return text.count
    }
}

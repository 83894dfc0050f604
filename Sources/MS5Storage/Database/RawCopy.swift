import Foundation
import Logging
import NIOCore
import PostgresNIO

/// PostgreSQL's fastest way in: `COPY … FROM STDIN` of sample rows into a plain table without
/// keys, or into one with `metric_samples`' primary key. The ingest benchmark measures both beside
/// the pipeline as the ceilings to compare with: the first the issue's, the second what a table
/// that keeps every sample once per metric and time can take at all.
public struct RawCopy: Sendable {
    let database: Database

    /// Creates the copier over `database` (PostgreSQL only).
    public init(database: Database) {
        self.database = database
    }

    /// Sample rows in COPY's text format, formatted ahead of the copy so that its time is
    /// PostgreSQL's alone.
    public struct Text: Sendable {
        let chunks: [ByteBuffer]
        /// The number of rows.
        public let count: Int

        /// Formats `rows` in chunks of `chunkRows`.
        public init(rows: [(equipmentId: UUID, metricId: UUID, timestamp: Date, value: Double)], chunkRows: Int = 10_000) {
            let formatter = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            chunks = stride(from: 0, to: rows.count, by: chunkRows).map { start in
                var buffer = ByteBuffer()
                for row in rows[start..<min(start + chunkRows, rows.count)] {
                    buffer.writeString("\(row.equipmentId)\t\(row.metricId)\t\(formatter.format(row.timestamp))\t\(row.value)\t192\n")
                }
                return buffer
            }
            count = rows.count
        }
    }

    /// Creates `table` (dropped first if it exists; `keyed`: with `metric_samples`' columns and
    /// primary key (metric, time)) and copies `text` into it. Answers nil on SQLite, which has no
    /// COPY.
    public func copySamples(into table: String, _ text: Text, keyed: Bool = false) async throws -> Int? {
        guard case .postgres(let store) = database.backend else { return nil }
        let logger = database.logger
        try await store.client.withConnection { connection in
            try await connection.query("DROP TABLE IF EXISTS \(unescaped: table)", logger: logger)
            let columns = keyed
                ? "equipment_id uuid NOT NULL, metric_id uuid NOT NULL, ts timestamptz NOT NULL, value float8, quality int NOT NULL, PRIMARY KEY (metric_id, ts)"
                : "equipment_id uuid, metric_id uuid, ts timestamptz, value float8, quality int"
            try await connection.query("CREATE TABLE \(unescaped: table) (\(unescaped: columns))", logger: logger)
            try await connection.copyFrom(table: table, columns: ["equipment_id", "metric_id", "ts", "value", "quality"], logger: logger) { writer in
                for chunk in text.chunks { try await writer.write(chunk) }
            }
        }
        return text.count
    }
}

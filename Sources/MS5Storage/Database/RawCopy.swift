import Foundation
import Logging
import NIOCore
import PostgresNIO

/// PostgreSQL's fastest way in: `COPY … FROM STDIN` of sample rows into a plain table without
/// keys. The ingest benchmark measures it beside the pipeline as the ceiling to compare with.
public struct RawCopy: Sendable {
    let database: Database

    /// Creates the copier over `database` (PostgreSQL only).
    public init(database: Database) {
        self.database = database
    }

    /// Creates `table` (dropped first if it exists) and copies the rows into it in text format,
    /// in chunks of `chunkRows`. Answers nil on SQLite, which has no COPY.
    public func copySamples(
        into table: String, rows: [(equipmentId: UUID, metricId: UUID, timestamp: Date, value: Double)], chunkRows: Int = 10_000
    ) async throws -> Int? {
        guard case .postgres(let store) = database.backend else { return nil }
        let logger = database.logger
        try await store.client.withConnection { connection in
            try await connection.query("DROP TABLE IF EXISTS \(unescaped: table)", logger: logger)
            try await connection.query(
                "CREATE TABLE \(unescaped: table) (equipment_id uuid, metric_id uuid, ts timestamptz, value float8, quality int)",
                logger: logger)
            try await connection.copyFrom(table: table, columns: ["equipment_id", "metric_id", "ts", "value", "quality"], logger: logger) { writer in
                let formatter = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
                for start in stride(from: 0, to: rows.count, by: chunkRows) {
                    var buffer = ByteBuffer()
                    for row in rows[start..<min(start + chunkRows, rows.count)] {
                        buffer.writeString("\(row.equipmentId)\t\(row.metricId)\t\(formatter.format(row.timestamp))\t\(row.value)\t192\n")
                    }
                    try await writer.write(buffer)
                }
            }
        }
        return rows.count
    }
}

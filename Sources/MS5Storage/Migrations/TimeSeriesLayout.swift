import SQLKit

/// How the time-series tables are laid out in this database.
public enum TimeSeriesLayout: String, Sendable, Equatable {
    /// SQLite: ordinary tables with time-ordered keys.
    case plain
    /// PostgreSQL with TimescaleDB: hypertables chunked by day.
    case hypertable
    /// PostgreSQL without TimescaleDB: native monthly range partitions plus a default partition.
    case nativePartitions = "native-partitions"

    /// Chooses the layout for a new schema: hypertables when TimescaleDB can be installed.
    static func detect(on db: any SQLDatabase, kind: Database.Kind) async throws -> TimeSeriesLayout {
        guard kind == .postgres else { return .plain }
        let available = try await db.raw(
            "SELECT count(*) AS n FROM pg_available_extensions WHERE name = 'timescaledb'"
        ).first(decodingColumn: "n", as: Int.self) ?? 0
        guard available > 0 else { return .nativePartitions }
        try await db.raw("CREATE EXTENSION IF NOT EXISTS timescaledb").run()
        return .hypertable
    }

    /// Reads the layout an existing schema has.
    static func current(on db: any SQLDatabase, kind: Database.Kind) async throws -> TimeSeriesLayout {
        guard kind == .postgres else { return .plain }
        let partitioned = try await db.raw(
            "SELECT count(*) AS n FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'metric_samples'"
        ).first(decodingColumn: "n", as: Int.self) ?? 0
        return partitioned > 0 ? .nativePartitions : .hypertable
    }
}

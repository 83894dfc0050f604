import Foundation
import MS5Domain
import SQLKit

/// Reads of stored telemetry: latest values and history at the finest resolution that fits.
public struct TelemetryQueries: Sendable {
    let database: Database
    let aggregator: TelemetryAggregator?

    /// Creates the queries over `database`. With the `aggregator` of the store that writes it,
    /// aggregates still in memory are written before each read, so reads see every stored batch.
    public init(database: Database, aggregator: TelemetryAggregator?) {
        self.database = database
        self.aggregator = aggregator
    }

    /// The newest value of every metric of an equipment that has one, by metric key.
    public func latest(equipmentId: UUID) async throws -> [LatestValue] {
        try await aggregator?.flush()
        return try await database.read { db in
            _ = try await EquipmentRepository.table.require(db, id: equipmentId)
            let rows = try await db.select()
                .column(SQLColumn("metric_id", table: "l")).column(SQLColumn("ts", table: "l"))
                .column(SQLColumn("value", table: "l")).column(SQLColumn("quality", table: "l"))
                .column(SQLColumn("key", table: "m")).column(SQLColumn("name", table: "m"))
                .column(SQLColumn("role", table: "m")).column(SQLColumn("unit", table: "m"))
                .from(SQLAlias(SQLIdentifier("latest_values"), as: SQLIdentifier("l")))
                .join(SQLAlias(SQLIdentifier("metrics"), as: SQLIdentifier("m")), method: SQLJoinMethod.inner,
                      on: SQLColumn("metric_id", table: "l"), .equal, SQLColumn("id", table: "m"))
                .where(SQLColumn("equipment_id", table: "l"), .equal, SQLBind(equipmentId))
                .orderBy(SQLColumn("key", table: "m"))
                .all()
            return try rows.map { row in
                LatestValue(
                    metricId: try row.decode(column: "metric_id", as: UUID.self), key: try row.decode(column: "key", as: String.self),
                    name: try row.decode(column: "name", as: String.self), role: try row.decode(column: "role", as: MetricRole.self),
                    unit: try row.decode(column: "unit", as: String?.self), timestamp: try row.decode(column: "ts", as: Date.self),
                    value: try row.decode(column: "value", as: Double?.self), quality: try row.decode(column: "quality", as: Int.self))
            }
        }
    }

    /// The history of a metric from `from` to `to` (exclusive): raw samples when they number at most
    /// `maxPoints`, otherwise 1-minute buckets when those fit, otherwise 1-hour buckets (the newest
    /// `maxPoints` of them, marked truncated when there were more).
    public func history(metricId: UUID, from: Date, to: Date, maxPoints: Int) async throws -> MetricHistory {
        try await aggregator?.flush()
        return try await database.read { db in
            _ = try await MetricRepository.table.require(db, id: metricId)
            let sampleKey = try await db.select().column("sample_key").from("metrics").where("id", .equal, metricId)
                .first(decodingColumn: "sample_key", as: Int32.self)
            let rawCount = try await Self.count(db, table: "metric_samples", time: "ts", key: ("metric_key", sampleKey), from: from, to: to)
            if rawCount <= maxPoints {
                let rows = try await db.select().column("ts").column("value").from("metric_samples")
                    .where("metric_key", .equal, sampleKey).where("ts", .greaterThanOrEqual, from).where("ts", .lessThan, to)
                    .orderBy("ts").all()
                let points = try rows.map { HistoryPoint(timestamp: try $0.decode(column: "ts", as: Date.self), value: try $0.decode(column: "value", as: Double.self)) }
                return MetricHistory(metricId: metricId, from: from, to: to, resolution: .raw, points: points, truncated: false)
            }
            let minuteCount = try await Self.count(db, table: "metric_rollups_1m", time: "bucket", key: ("metric_id", metricId), from: from, to: to)
            let resolution: HistoryResolution = minuteCount <= maxPoints ? .minute : .hour
            let table = "metric_rollups_\(resolution.rawValue)"
            let rows = try await db.select().columns("bucket", "min", "max", "sum", "count").from(table)
                .where("metric_id", .equal, metricId).where("bucket", .greaterThanOrEqual, from).where("bucket", .lessThan, to)
                .orderBy("bucket", .descending).limit(maxPoints + 1).all()
            let points = try rows.prefix(maxPoints).reversed().map { row in
                let count = try row.decode(column: "count", as: Int.self)
                return HistoryPoint(
                    timestamp: try row.decode(column: "bucket", as: Date.self),
                    value: try row.decode(column: "sum", as: Double.self) / Double(max(count, 1)),
                    min: try row.decode(column: "min", as: Double.self), max: try row.decode(column: "max", as: Double.self), count: count)
            }
            return MetricHistory(metricId: metricId, from: from, to: to, resolution: resolution, points: points, truncated: rows.count > maxPoints)
        }
    }

    /// Rows of `table` whose `key` column holds the metric's key and whose `time` lies in [from, to).
    private static func count(
        _ db: any SQLDatabase, table: String, time: String, key: (column: String, value: any Encodable & Sendable), from: Date, to: Date
    ) async throws -> Int {
        try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLIdentifier(key.column), .equal, SQLBind(key.value)).where(SQLIdentifier(time), .greaterThanOrEqual, from).where(SQLIdentifier(time), .lessThan, to)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

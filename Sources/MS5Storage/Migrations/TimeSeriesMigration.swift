import Foundation
import SQLKit

extension Migration {
    /// Version 2: the time-series tables later features fill — raw metric history, machine state
    /// intervals and equipment events. On PostgreSQL they are TimescaleDB hypertables when the
    /// extension is available and native monthly range partitions otherwise.
    static let timeSeries = Migration(2, "time-series tables") { db, kind in
        let layout = try await TimeSeriesLayout.detect(on: db, kind: kind)
        try await create([.metricSamples, .stateIntervals, .equipmentEvents], layout: layout, on: db, kind: kind)
    }

    /// Creates time-series tables in `layout`: with a default partition and the coming months'
    /// partitions, as hypertables, or as plain tables.
    static func create(_ tables: [TimeSeriesTable], layout: TimeSeriesLayout, on db: any SQLDatabase, kind: Database.Kind) async throws {
        for table in tables {
            try await db.raw(SQLQueryString(ColumnTypes(kind).expand(table.ddl(partitioned: layout == .nativePartitions))))
                .run()
            for index in table.indexes {
                try await db.raw(SQLQueryString(index)).run()
            }
            switch layout {
            case .plain:
                break
            case .hypertable:
                try await db.raw(
                    "SELECT create_hypertable(\(literal: table.name), \(literal: table.timeColumn), chunk_time_interval => INTERVAL '1 day')"
                ).run()
            case .nativePartitions:
                try await db.raw("CREATE TABLE \(ident: table.name + "_default") PARTITION OF \(ident: table.name) DEFAULT")
                    .run()
            }
        }
        if layout == .nativePartitions {
            try await TimeSeriesPartitions.ensure(on: db, now: Date(), tables: tables)
        }
    }
}

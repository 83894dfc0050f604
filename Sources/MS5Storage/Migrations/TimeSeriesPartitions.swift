import Foundation
import SQLKit

/// Creates the monthly partitions of the time-series tables ahead of time on PostgreSQL without
/// TimescaleDB, so that rows land in their month and the default partition only catches strays.
public enum TimeSeriesPartitions {
    /// How many months ahead of the current one are kept ready.
    public static let monthsAhead = 2

    /// Creates, where missing, the partitions of `tables` from the previous month to ``monthsAhead``
    /// months ahead of `now`.
    public static func ensure(on db: any SQLDatabase, now: Date = Date()) async throws {
        try await ensure(on: db, now: now, tables: TimeSeriesTable.all)
    }

    static func ensure(on db: any SQLDatabase, now: Date, tables: [TimeSeriesTable]) async throws {
        let calendar = utcCalendar
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now))!
        for offset in -1...monthsAhead {
            let start = calendar.date(byAdding: .month, value: offset, to: thisMonth)!
            let end = calendar.date(byAdding: .month, value: 1, to: start)!
            for table in tables {
                try await db.raw("""
                    CREATE TABLE IF NOT EXISTS \(ident: partition(of: table.name, holding: start)) PARTITION OF \(ident: table.name)
                    FOR VALUES FROM (\(literal: iso(start))) TO (\(literal: iso(end)))
                    """).run()
            }
        }
    }

    /// The name of `table`'s monthly partition holding `date` (UTC months), such as
    /// `metric_samples_y2031m04`.
    static func partition(of table: String, holding date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month], from: date)
        return table + String(format: "_y%04dm%02d", parts.year!, parts.month!)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

extension TimeSeriesPartitions {
    /// Creates the coming partitions when `database` uses native partitions; does nothing otherwise.
    public static func maintain(_ database: Database) async throws {
        let kind = database.kind
        guard kind == .postgres else { return }
        try await database.transaction { db in
            guard try await TimeSeriesLayout.current(on: db, kind: kind) == .nativePartitions else { return }
            try await ensure(on: db)
        }
    }
}

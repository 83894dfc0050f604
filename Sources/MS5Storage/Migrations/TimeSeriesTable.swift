/// A table of time-stamped rows, partitioned by its time column on PostgreSQL.
struct TimeSeriesTable: Sendable {
    let name: String
    let timeColumn: String
    /// Column definitions with `{type}` placeholders, primary key included (it must hold the time column).
    let columns: String
    let indexes: [String]

    /// The CREATE TABLE statement, with range partitioning by the time column when asked.
    func ddl(partitioned: Bool) -> String {
        "CREATE TABLE \(name) (\(columns))" + (partitioned ? " PARTITION BY RANGE (\(timeColumn))" : "")
    }

    /// Every time-series table of the schema.
    static let all: [TimeSeriesTable] = [metricSamples, stateIntervals, equipmentEvents, faultEvents]

    /// Raw samples of a metric of an equipment: value and OPC-style quality (192 = good).
    /// No foreign keys: a key check per row would dominate ingest; the repositories refuse to
    /// delete equipment or metrics that still have samples.
    static let metricSamples = TimeSeriesTable(
        name: "metric_samples",
        timeColumn: "ts",
        columns: """
            equipment_id {uuid} NOT NULL,
            metric_id {uuid} NOT NULL,
            ts {timestamp} NOT NULL,
            value {double},
            quality INTEGER NOT NULL,
            PRIMARY KEY (equipment_id, metric_id, ts)
            """,
        indexes: []
    )

    /// The machine-state timeline: one row per interval, open while `end_ts` is null.
    static let stateIntervals = TimeSeriesTable(
        name: "state_intervals",
        timeColumn: "start_ts",
        columns: """
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            start_ts {timestamp} NOT NULL,
            end_ts {timestamp},
            state TEXT NOT NULL,
            mode TEXT NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (equipment_id, start_ts)
            """,
        indexes: []
    )

    /// Things that happened to an equipment at a moment: fault edges, count corrections, alarms.
    static let equipmentEvents = TimeSeriesTable(
        name: "equipment_events",
        timeColumn: "ts",
        columns: """
            id {uuid} NOT NULL,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            ts {timestamp} NOT NULL,
            type TEXT NOT NULL,
            payload {json} NOT NULL,
            PRIMARY KEY (id, ts)
            """,
        indexes: ["CREATE INDEX equipment_events_by_equipment ON equipment_events (equipment_id, ts)"]
    )

    /// Fault bits that were raised, and cleared when `end_ts` is set.
    static let faultEvents = TimeSeriesTable(
        name: "fault_events",
        timeColumn: "start_ts",
        columns: """
            id {uuid} NOT NULL,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            code TEXT NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            start_ts {timestamp} NOT NULL,
            end_ts {timestamp},
            first_out {bool} NOT NULL,
            PRIMARY KEY (id, start_ts)
            """,
        indexes: ["CREATE INDEX fault_events_by_equipment ON fault_events (equipment_id, start_ts)"]
    )
}

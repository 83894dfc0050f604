extension Migration {
    /// Version 23: the KPI parts of equipment's completed local days and of the completed hours
    /// of partial days, replacing version 22's day-only table (a cache: its rows are computed
    /// again on demand). A report claims its row (`parts` null, its own `claim`) before it reads
    /// the inputs and stores its result only while the claim stands; a change to an input inside
    /// `input_start`–`input_end` deletes the row, claimed or stored.
    static let kpiParts = Migration(23, "kpi parts of days and hours", ddl: [
        "DROP TABLE kpi_day_parts",
        """
        CREATE TABLE kpi_parts (
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            granularity TEXT NOT NULL,
            span_start {timestamp} NOT NULL,
            span_end {timestamp} NOT NULL,
            input_start {timestamp} NOT NULL,
            input_end {timestamp} NOT NULL,
            claim TEXT NOT NULL,
            parts TEXT,
            stops TEXT,
            computed_at {timestamp} NOT NULL,
            PRIMARY KEY (equipment_id, granularity, span_start)
        )
        """,
    ])
}

extension Migration {
    /// Version 22: the additive KPI and loss parts of each equipment's completed local days, as
    /// JSON, with the span of inputs they were computed from (the day and the 24 h either side):
    /// a change to an input inside that span deletes the row. Long-window reports add them up.
    static let kpiDayParts = Migration(22, "kpi day parts", ddl: [
        """
        CREATE TABLE kpi_day_parts (
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            day_start {timestamp} NOT NULL,
            day_end {timestamp} NOT NULL,
            input_start {timestamp} NOT NULL,
            input_end {timestamp} NOT NULL,
            parts TEXT NOT NULL,
            stops TEXT NOT NULL,
            computed_at {timestamp} NOT NULL,
            PRIMARY KEY (equipment_id, day_start)
        )
        """,
    ])
}

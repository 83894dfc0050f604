extension Migration {
    /// Version 5: products, production orders, each line's production settings (shift pattern,
    /// stop reasons, constraint equipment, thresholds) and planned-downtime calendar, operators'
    /// coding and splitting of stops, and manual count corrections.
    static let production = Migration(5, "production", ddl: [
        """
        CREATE TABLE products (
            id {uuid} PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            ideal_cycle_seconds {double} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE production_orders (
            id {uuid} PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            product_id {uuid} NOT NULL REFERENCES products (id),
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            planned_quantity INTEGER NOT NULL,
            planned_start {timestamp} NOT NULL,
            planned_end {timestamp} NOT NULL,
            status TEXT NOT NULL,
            actual_start {timestamp},
            actual_end {timestamp},
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX production_orders_by_equipment ON production_orders (equipment_id, actual_start)",
        """
        CREATE TABLE line_production_settings (
            line_id {uuid} PRIMARY KEY REFERENCES lines (id),
            settings TEXT NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE stop_codings (
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            stop_start {timestamp} NOT NULL,
            reason_code TEXT NOT NULL,
            comment TEXT,
            coded_by TEXT NOT NULL,
            coded_at {timestamp} NOT NULL,
            PRIMARY KEY (equipment_id, stop_start)
        )
        """,
        """
        CREATE TABLE stop_splits (
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            split_at {timestamp} NOT NULL,
            split_by TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            PRIMARY KEY (equipment_id, split_at)
        )
        """,
        """
        CREATE TABLE planned_downtimes (
            id {uuid} PRIMARY KEY,
            line_id {uuid} NOT NULL REFERENCES lines (id),
            kind TEXT NOT NULL,
            start_ts {timestamp} NOT NULL,
            end_ts {timestamp} NOT NULL,
            note TEXT,
            created_by TEXT NOT NULL,
            created_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX planned_downtimes_by_line ON planned_downtimes (line_id, start_ts)",
        """
        CREATE TABLE count_corrections (
            id {uuid} PRIMARY KEY,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            at_ts {timestamp} NOT NULL,
            good INTEGER NOT NULL,
            reject INTEGER NOT NULL,
            reason TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX count_corrections_by_equipment ON count_corrections (equipment_id, at_ts)",
    ])
}

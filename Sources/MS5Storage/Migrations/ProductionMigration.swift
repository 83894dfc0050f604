extension Migration {
    /// Version 5: products, production orders, each line's production settings (shift pattern,
    /// stop reasons, constraint equipment, thresholds) and operators' coding of stops.
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
    ])
}

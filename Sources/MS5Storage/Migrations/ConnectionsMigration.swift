extension Migration {
    /// Version 6: where each equipment's controller is, for the PLC connectors, and operators'
    /// job assignments on production orders.
    static let connections = Migration(6, "plc connections and job assignments", ddl: [
        """
        CREATE TABLE plc_connections (
            equipment_id {uuid} PRIMARY KEY REFERENCES equipment (id),
            host TEXT NOT NULL,
            port INTEGER NOT NULL,
            slot INTEGER NOT NULL,
            protocol TEXT NOT NULL,
            enabled {bool} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE job_assignments (
            id {uuid} PRIMARY KEY,
            order_id {uuid} NOT NULL REFERENCES production_orders (id),
            user_id {uuid} NOT NULL REFERENCES users (id),
            username TEXT NOT NULL,
            status TEXT NOT NULL,
            assigned_by TEXT NOT NULL,
            assigned_at {timestamp} NOT NULL,
            accepted_at {timestamp},
            started_at {timestamp},
            completed_at {timestamp},
            UNIQUE (order_id, user_id)
        )
        """,
        "CREATE INDEX job_assignments_by_user ON job_assignments (user_id, status)",
    ])
}

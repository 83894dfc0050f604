extension Migration {
    /// Version 6: where each equipment's controller is, for the PLC connectors.
    static let connections = Migration(6, "plc connections", ddl: [
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
    ])
}

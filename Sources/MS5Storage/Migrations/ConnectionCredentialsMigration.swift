extension Migration {
    /// Version 12: how a connection signs in and secures itself: user name and password (MQTT
    /// brokers, OPC UA servers), TLS with an optional CA file, and an OPC UA endpoint path.
    static let connectionCredentials = Migration(12, "connection credentials", ddl: [
        "ALTER TABLE plc_connections ADD COLUMN username TEXT",
        "ALTER TABLE plc_connections ADD COLUMN password TEXT",
        "ALTER TABLE plc_connections ADD COLUMN tls {bool} NOT NULL DEFAULT false",
        "ALTER TABLE plc_connections ADD COLUMN tls_ca_file TEXT",
        "ALTER TABLE plc_connections ADD COLUMN endpoint_path TEXT",
    ])
}

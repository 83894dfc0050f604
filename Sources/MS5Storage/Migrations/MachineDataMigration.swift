import SQLKit

extension Migration {
    /// Version 3: metric definitions with their tag bindings, latest values, rollups, telemetry
    /// batch receipts, fault catalogs, fault events and machine-state rules.
    static let machineData = Migration(3, "machine data") { db, kind in
        let types = ColumnTypes(kind)
        for statement in machineDataTables {
            try await db.raw(SQLQueryString(types.expand(statement))).run()
        }
        let layout = try await TimeSeriesLayout.current(on: db, kind: kind)
        try await create([.faultEvents], layout: layout, on: db, kind: kind)
    }

    static let machineDataTables = [
        """
        CREATE TABLE metrics (
            id {uuid} PRIMARY KEY,
            site_id {uuid} NOT NULL REFERENCES sites (id),
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            "key" TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            unit TEXT,
            connector TEXT NOT NULL,
            address TEXT NOT NULL,
            data_type TEXT NOT NULL,
            scale {double} NOT NULL,
            "offset" {double} NOT NULL,
            deadband {double} NOT NULL,
            poll_milliseconds INTEGER NOT NULL,
            fault_word_index INTEGER,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL,
            UNIQUE (equipment_id, "key")
        )
        """,
        """
        CREATE TABLE latest_values (
            metric_id {uuid} PRIMARY KEY,
            equipment_id {uuid} NOT NULL,
            ts {timestamp} NOT NULL,
            value {double},
            quality INTEGER NOT NULL
        )
        """,
        "CREATE INDEX latest_values_by_equipment ON latest_values (equipment_id)",
        rollupTable("metric_rollups_1m"),
        rollupTable("metric_rollups_1h"),
        """
        CREATE TABLE telemetry_batches (
            source TEXT NOT NULL,
            sequence BIGINT NOT NULL,
            received_at {timestamp} NOT NULL,
            samples INTEGER NOT NULL,
            PRIMARY KEY (source, sequence)
        )
        """,
        """
        CREATE TABLE fault_catalog (
            id {uuid} PRIMARY KEY,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            word INTEGER NOT NULL,
            bit INTEGER NOT NULL CHECK (bit BETWEEN 0 AND 31),
            code TEXT NOT NULL,
            text TEXT NOT NULL,
            severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            UNIQUE (equipment_id, word, bit),
            UNIQUE (equipment_id, code)
        )
        """,
        """
        CREATE TABLE state_rules (
            equipment_id {uuid} PRIMARY KEY REFERENCES equipment (id),
            rules TEXT NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
    ]

    /// A rollup table: per metric and bucket start, min, max, sum, count and the last value.
    /// Like raw samples and latest values, written per sample without foreign-key checks; deleting
    /// a metric deletes its rollups and latest value.
    static func rollupTable(_ name: String) -> String {
        """
        CREATE TABLE \(name) (
            metric_id {uuid} NOT NULL,
            bucket {timestamp} NOT NULL,
            min {double} NOT NULL,
            max {double} NOT NULL,
            sum {double} NOT NULL,
            count INTEGER NOT NULL,
            last {double} NOT NULL,
            last_ts {timestamp} NOT NULL,
            PRIMARY KEY (metric_id, bucket)
        )
        """
    }
}

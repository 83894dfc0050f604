extension Migration {
    /// Version 25: the outbox every published event is written to in the transaction of its change,
    /// numbered in commit order through the `outbox_head` row, and each consumer's position in it with the
    /// lease of the one instance that runs it.
    static let outbox = Migration(25, "outbox", ddl: [
        """
        CREATE TABLE outbox (
            position BIGINT PRIMARY KEY,
            id {uuid} NOT NULL UNIQUE,
            type TEXT NOT NULL,
            occurred_at {timestamp} NOT NULL,
            subject TEXT NOT NULL,
            aggregate_id {uuid} NOT NULL,
            site_id {uuid} NOT NULL,
            line_id {uuid},
            equipment_id {uuid},
            data TEXT NOT NULL,
            recorded_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX outbox_by_time ON outbox (occurred_at)",
        "CREATE INDEX outbox_by_type_time ON outbox (type, occurred_at)",
        "CREATE TABLE outbox_head (id INTEGER PRIMARY KEY, position BIGINT NOT NULL)",
        "INSERT INTO outbox_head (id, position) VALUES (1, 0)",
        """
        CREATE TABLE outbox_consumers (
            name TEXT PRIMARY KEY,
            position BIGINT NOT NULL,
            holder TEXT,
            lease_until {timestamp},
            updated_at {timestamp} NOT NULL
        )
        """,
    ])
}

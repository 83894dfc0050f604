extension Migration {
    /// Version 13: the append-only, hash-chained audit ledger of every change to a record, and
    /// its head, which serialises appends across instances.
    static let auditLedger = Migration(13, "audit ledger", ddl: [
        """
        CREATE TABLE audit_ledger (
            sequence BIGINT PRIMARY KEY,
            occurred_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            record_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            record_hash TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_ledger_by_record ON audit_ledger (record_type, record_id)",
        "CREATE TABLE audit_head (id INTEGER PRIMARY KEY, sequence BIGINT NOT NULL, hash TEXT NOT NULL)",
        "INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
    ])
}

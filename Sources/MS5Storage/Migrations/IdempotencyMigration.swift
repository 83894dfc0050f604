extension Migration {
    /// Version 8: the responses to writes sent with an `Idempotency-Key`, so that a client
    /// replaying a request (an offline outbox coming back online) changes nothing twice.
    static let idempotency = Migration(8, "idempotency", ddl: [
        """
        CREATE TABLE idempotency_keys (
            user_id {uuid} NOT NULL,
            idempotency_key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status INTEGER,
            content_type TEXT,
            body TEXT,
            created_at {timestamp} NOT NULL,
            PRIMARY KEY (user_id, idempotency_key)
        )
        """,
        "CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)",
    ])
}

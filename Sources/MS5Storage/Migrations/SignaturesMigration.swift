extension Migration {
    /// Version 19: electronic signatures, each bound to the hash of the record it signs.
    static let signatures = Migration(19, "electronic signatures", ddl: [
        """
        CREATE TABLE e_signatures (
            id {uuid} PRIMARY KEY,
            record_type TEXT NOT NULL,
            record_id {uuid} NOT NULL,
            record_hash TEXT NOT NULL,
            user_id {uuid} NOT NULL REFERENCES users (id),
            username TEXT NOT NULL,
            display_name TEXT NOT NULL,
            meaning TEXT NOT NULL,
            signed_at {timestamp} NOT NULL,
            UNIQUE (record_type, record_id, user_id, meaning)
        )
        """,
    ])
}

extension Migration {
    /// Version 15: a second factor per account, TOTP (RFC 6238), with the last time step used so
    /// that no code is accepted twice, and the hashes of its one-time recovery codes.
    static let totp = Migration(15, "totp second factor", ddl: [
        "ALTER TABLE users ADD COLUMN totp_enabled {bool} NOT NULL DEFAULT FALSE",
        """
        CREATE TABLE totp_factors (
            user_id {uuid} PRIMARY KEY REFERENCES users (id),
            secret TEXT NOT NULL,
            last_step BIGINT NOT NULL DEFAULT 0,
            created_at {timestamp} NOT NULL,
            confirmed_at {timestamp}
        )
        """,
        """
        CREATE TABLE recovery_codes (
            user_id {uuid} NOT NULL REFERENCES users (id),
            code_hash TEXT NOT NULL,
            PRIMARY KEY (user_id, code_hash)
        )
        """,
    ])
}

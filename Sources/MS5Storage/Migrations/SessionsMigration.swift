extension Migration {
    /// Version 14: sign-in sessions with rotating refresh tokens (kept as hashes) replace the
    /// long-lived opaque bearer tokens, and the secret that signs access tokens is kept in the
    /// database so that every instance on one database signs and verifies alike. Dropping
    /// `auth_tokens` signs everyone out once.
    static let sessions = Migration(14, "sign-in sessions", ddl: [
        "DROP TABLE auth_tokens",
        """
        CREATE TABLE auth_sessions (
            id {uuid} PRIMARY KEY,
            user_id {uuid} NOT NULL REFERENCES users (id),
            created_at {timestamp} NOT NULL,
            last_seen_at {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL,
            revoked_at {timestamp},
            reason TEXT
        )
        """,
        "CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id)",
        "CREATE INDEX auth_sessions_by_expiry ON auth_sessions (expires_at)",
        """
        CREATE TABLE refresh_tokens (
            token_hash TEXT PRIMARY KEY,
            session_id {uuid} NOT NULL REFERENCES auth_sessions (id),
            state TEXT NOT NULL,
            created_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id)",
        """
        CREATE TABLE server_secrets (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            created_at {timestamp} NOT NULL
        )
        """,
    ])
}

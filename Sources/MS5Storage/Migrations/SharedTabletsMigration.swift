extension Migration {
    /// Version 18: shared floor tablets. Registered devices (their tokens kept only as SHA-256
    /// hashes), badge numbers with hashed PINs and their own failed-attempt count and lockout (in a
    /// table of their own, apart from `users`), and the device a session was started on.
    static let sharedTablets = Migration(18, "shared tablets and badges", ddl: [
        """
        CREATE TABLE devices (
            id {uuid} PRIMARY KEY,
            name TEXT NOT NULL,
            site_id {uuid} REFERENCES sites (id),
            token_hash TEXT NOT NULL UNIQUE,
            created_at {timestamp} NOT NULL,
            last_sign_in_at {timestamp},
            revoked_at {timestamp}
        )
        """,
        """
        CREATE TABLE badges (
            user_id {uuid} PRIMARY KEY REFERENCES users (id),
            badge TEXT NOT NULL UNIQUE,
            pin_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until {timestamp},
            updated_at {timestamp} NOT NULL
        )
        """,
        "ALTER TABLE auth_sessions ADD COLUMN device_id {uuid} REFERENCES devices (id)",
        "CREATE INDEX auth_sessions_by_device ON auth_sessions (device_id)",
    ])
}

extension Migration {
    /// Version 10: failed sign-ins and lockout per account, and the hashes of earlier passwords so
    /// that a new password cannot be one of the last few.
    static let signInProtection = Migration(10, "sign-in protection", ddl: [
        "ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE users ADD COLUMN locked_until {timestamp}",
        """
        CREATE TABLE password_history (
            user_id {uuid} NOT NULL REFERENCES users (id),
            password_hash TEXT NOT NULL,
            set_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX password_history_by_user ON password_history (user_id, set_at)",
    ])
}

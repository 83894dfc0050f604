extension Migration {
    /// Version 16: accounts of an OpenID provider, made on their first request and kept in step
    /// with its claims; they have no password of ms5's own.
    static let externalAccounts = Migration(16, "external accounts", ddl: [
        "ALTER TABLE users ADD COLUMN external {bool} NOT NULL DEFAULT FALSE",
        "ALTER TABLE users ADD COLUMN external_issuer TEXT",
        "ALTER TABLE users ADD COLUMN external_subject TEXT",
        "CREATE UNIQUE INDEX users_by_external_identity ON users (external_issuer, external_subject)",
    ])
}

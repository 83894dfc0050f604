extension Migration {
    /// Version 1: the ISA-95 plant model and local accounts.
    static let plantModel = Migration(1, "plant model and accounts", ddl: [
        """
        CREATE TABLE sites (
            id {uuid} PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE areas (
            id {uuid} PRIMARY KEY,
            site_id {uuid} NOT NULL REFERENCES sites (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL,
            UNIQUE (site_id, code)
        )
        """,
        """
        CREATE TABLE lines (
            id {uuid} PRIMARY KEY,
            site_id {uuid} NOT NULL REFERENCES sites (id),
            area_id {uuid} NOT NULL REFERENCES areas (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL,
            UNIQUE (site_id, code)
        )
        """,
        "CREATE INDEX lines_by_area ON lines (area_id)",
        """
        CREATE TABLE equipment (
            id {uuid} PRIMARY KEY,
            site_id {uuid} NOT NULL REFERENCES sites (id),
            line_id {uuid} NOT NULL REFERENCES lines (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            criticality INTEGER NOT NULL CHECK (criticality BETWEEN 1 AND 5),
            description TEXT,
            owning_team TEXT,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL,
            UNIQUE (site_id, code)
        )
        """,
        "CREATE INDEX equipment_by_line ON equipment (line_id)",
        """
        CREATE TABLE users (
            id {uuid} PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled {bool} NOT NULL,
            must_change_password {bool} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE auth_tokens (
            token_hash TEXT PRIMARY KEY,
            user_id {uuid} NOT NULL REFERENCES users (id),
            created_at {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX auth_tokens_by_user ON auth_tokens (user_id)",
    ])
}

extension Migration {
    /// Version 9: teams and their members, so that escalation levels can name a crew.
    static let teams = Migration(9, "teams", ddl: [
        """
        CREATE TABLE teams (
            id {uuid} PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE team_members (
            team_id {uuid} NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
            username TEXT NOT NULL,
            PRIMARY KEY (team_id, username)
        )
        """,
        "CREATE INDEX team_members_by_username ON team_members (username)",
    ])
}

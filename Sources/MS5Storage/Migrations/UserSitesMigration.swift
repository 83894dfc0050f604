extension Migration {
    /// Version 21: the sites each account works at; an account with none works at every site.
    static let userSites = Migration(21, "user sites", ddl: [
        """
        CREATE TABLE user_sites (
            user_id {uuid} NOT NULL REFERENCES users (id),
            site_id {uuid} NOT NULL REFERENCES sites (id),
            PRIMARY KEY (user_id, site_id)
        )
        """,
    ])
}

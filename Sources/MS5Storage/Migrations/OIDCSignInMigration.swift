extension Migration {
    /// Version 17: sign-ins through the OpenID provider's pages in progress (state, nonce and PKCE
    /// verifier, kept server-side until the browser comes back) and the one-time codes that hand
    /// the finished sign-in to the floor app.
    static let oidcSignIns = Migration(17, "oidc browser sign-ins", ddl: [
        """
        CREATE TABLE oidc_sign_ins (
            state TEXT PRIMARY KEY,
            nonce TEXT NOT NULL,
            code_verifier TEXT NOT NULL,
            expires_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE oidc_handoffs (
            code_hash TEXT PRIMARY KEY,
            user_id {uuid} NOT NULL REFERENCES users (id),
            expires_at {timestamp} NOT NULL
        )
        """,
    ])
}

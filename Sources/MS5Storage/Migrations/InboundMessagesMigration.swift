extension Migration {
    /// Version 27: the messages taken in from other systems (the ERP's production orders), kept
    /// by their source and id, so that a message delivered again changes nothing.
    static let inboundMessages = Migration(27, "inbound messages", ddl: [
        """
        CREATE TABLE inbound_messages (
            source TEXT NOT NULL,
            message_id TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            outcome TEXT NOT NULL,
            processed_at {timestamp} NOT NULL,
            PRIMARY KEY (source, message_id)
        )
        """,
        "CREATE INDEX inbound_messages_by_time ON inbound_messages (processed_at)",
    ])
}

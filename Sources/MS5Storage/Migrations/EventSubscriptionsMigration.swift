extension Migration {
    /// Version 28: webhook endpoints subscribed to event types, and how each subscription's
    /// delivery stands (its position in the outbox is its consumer's, `webhook:<id>`).
    static let eventSubscriptions = Migration(28, "event subscriptions", ddl: [
        """
        CREATE TABLE event_subscriptions (
            id {uuid} PRIMARY KEY,
            name TEXT NOT NULL,
            endpoint_id {uuid} NOT NULL REFERENCES webhook_endpoints (id),
            types TEXT NOT NULL,
            site_id {uuid},
            enabled {bool} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX event_subscriptions_by_endpoint ON event_subscriptions (endpoint_id)",
        """
        CREATE TABLE event_subscription_deliveries (
            subscription_id {uuid} PRIMARY KEY REFERENCES event_subscriptions (id) ON DELETE CASCADE,
            delivered BIGINT NOT NULL,
            failures BIGINT NOT NULL,
            last_error TEXT,
            last_error_at {timestamp},
            last_delivered_at {timestamp}
        )
        """,
    ])
}

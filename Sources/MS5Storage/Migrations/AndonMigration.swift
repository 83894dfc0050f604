extension Migration {
    /// Version 7: Andon calls with their escalation timers, the policies and rules behind them,
    /// webhook endpoints, and the notification outbox that doubles as the delivery log.
    static let andon = Migration(7, "andon", ddl: [
        """
        CREATE TABLE andon_calls (
            id {uuid} PRIMARY KEY,
            line_id {uuid} NOT NULL REFERENCES lines (id),
            equipment_id {uuid} REFERENCES equipment (id),
            category TEXT NOT NULL,
            priority TEXT NOT NULL,
            text TEXT NOT NULL,
            "trigger" TEXT NOT NULL,
            cause TEXT,
            status TEXT NOT NULL,
            level INTEGER NOT NULL,
            level_reached_at {timestamp} NOT NULL,
            next_escalation_at {timestamp},
            raised_by TEXT NOT NULL,
            raised_at {timestamp} NOT NULL,
            acknowledged_by TEXT,
            acknowledged_at {timestamp},
            resolved_by TEXT,
            resolved_at {timestamp},
            cancelled_by TEXT,
            cancelled_at {timestamp},
            resolution_note TEXT
        )
        """,
        "CREATE INDEX andon_calls_due ON andon_calls (next_escalation_at) WHERE next_escalation_at IS NOT NULL",
        "CREATE INDEX andon_calls_by_line ON andon_calls (line_id, raised_at)",
        // One open call raised by a rule per equipment and category, even with several instances.
        """
        CREATE UNIQUE INDEX andon_calls_one_rule_call ON andon_calls (equipment_id, category)
            WHERE "trigger" <> 'person' AND status IN ('open', 'acknowledged')
        """,
        """
        CREATE TABLE escalation_policies (
            id {uuid} PRIMARY KEY,
            line_id {uuid} NOT NULL REFERENCES lines (id),
            category TEXT NOT NULL,
            priority TEXT NOT NULL,
            until_status TEXT NOT NULL,
            levels TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL,
            UNIQUE (line_id, category, priority)
        )
        """,
        """
        CREATE TABLE andon_rules (
            id {uuid} PRIMARY KEY,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            "trigger" TEXT NOT NULL,
            threshold_seconds INTEGER NOT NULL,
            reject_percent {double},
            window_minutes INTEGER,
            category TEXT NOT NULL,
            priority TEXT NOT NULL,
            enabled {bool} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE webhook_endpoints (
            id {uuid} PRIMARY KEY,
            name TEXT NOT NULL,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            enabled {bool} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE andon_notifications (
            id {uuid} PRIMARY KEY,
            call_id {uuid} NOT NULL REFERENCES andon_calls (id),
            level INTEGER NOT NULL,
            channel TEXT NOT NULL,
            target TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at {timestamp} NOT NULL,
            claimed_until {timestamp},
            last_error TEXT,
            sent_at {timestamp},
            created_at {timestamp} NOT NULL,
            UNIQUE (call_id, level, channel, target)
        )
        """,
        "CREATE INDEX andon_notifications_due ON andon_notifications (status, next_attempt_at)",
    ])
}

extension Migration {
    /// Version 30: the signal waits of workflow instances. A wait takes the first signal that
    /// matches after it began — a machine event later in the outbox than `after_position`, the
    /// pieces counted since `waiting_since`, a person's named signal — by compare-and-set on
    /// `signal`; it is then delivered once, `delivered_at` set by compare-and-set in the
    /// transaction of its handler's effect, backing off like a timer when the handler fails.
    static let workflowSignals = Migration(30, "workflow signals", ddl: [
        """
        CREATE TABLE workflow_signal_waits (
            id {uuid} PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES workflow_instances (id),
            purpose TEXT NOT NULL,
            kind TEXT NOT NULL,
            matcher TEXT NOT NULL,
            site_id {uuid} NOT NULL REFERENCES sites (id),
            line_id {uuid} REFERENCES lines (id),
            equipment_id {uuid} REFERENCES equipment (id),
            signal_name TEXT,
            waiting_since {timestamp} NOT NULL,
            after_position BIGINT NOT NULL,
            timeout_timer_id {uuid} REFERENCES workflow_timers (id),
            signal TEXT,
            next_attempt_at {timestamp},
            attempts INTEGER NOT NULL,
            last_error TEXT,
            delivered_at {timestamp},
            cancelled_at {timestamp}
        )
        """,
        """
        CREATE INDEX workflow_signal_waits_waiting ON workflow_signal_waits (kind, equipment_id)
        WHERE signal IS NULL AND cancelled_at IS NULL
        """,
        """
        CREATE INDEX workflow_signal_waits_due ON workflow_signal_waits (next_attempt_at)
        WHERE signal IS NOT NULL AND delivered_at IS NULL AND cancelled_at IS NULL
        """,
        "CREATE INDEX workflow_signal_waits_by_instance ON workflow_signal_waits (instance_id, signal_name)",
    ])
}

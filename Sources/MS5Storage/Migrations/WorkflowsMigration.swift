extension Migration {
    /// Version 26: the durable workflow core. Instances keep the definition and version they
    /// started on; timers fire once across instances of ms5 (`fired_at` set by compare-and-set in
    /// the transaction of their effect) and back off when their handler fails; human tasks carry
    /// their site and line for scoping, a revision for compare-and-set by people, and their
    /// escalation chain with the time of its next level; who each escalation told is kept with it.
    static let workflows = Migration(26, "workflows", ddl: [
        """
        CREATE TABLE workflow_instances (
            id {uuid} PRIMARY KEY,
            definition_name TEXT NOT NULL,
            definition_version INTEGER NOT NULL,
            status TEXT NOT NULL,
            current_step TEXT NOT NULL,
            subject_type TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            started_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX workflow_instances_by_definition ON workflow_instances (definition_name, definition_version, status)",
        "CREATE INDEX workflow_instances_by_subject ON workflow_instances (subject_type, subject_id)",
        """
        CREATE TABLE workflow_timers (
            id {uuid} PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES workflow_instances (id),
            purpose TEXT NOT NULL,
            fire_at {timestamp} NOT NULL,
            next_attempt_at {timestamp} NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT,
            fired_at {timestamp},
            cancelled_at {timestamp}
        )
        """,
        "CREATE INDEX workflow_timers_due ON workflow_timers (next_attempt_at) WHERE fired_at IS NULL AND cancelled_at IS NULL",
        "CREATE INDEX workflow_timers_by_instance ON workflow_timers (instance_id)",
        """
        CREATE TABLE human_tasks (
            id {uuid} PRIMARY KEY,
            workflow_instance_id {uuid} NOT NULL REFERENCES workflow_instances (id),
            site_id {uuid} NOT NULL REFERENCES sites (id),
            line_id {uuid} REFERENCES lines (id),
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            assignee TEXT NOT NULL,
            priority INTEGER NOT NULL,
            due_at {timestamp},
            status TEXT NOT NULL,
            claimed_by TEXT,
            claimed_at {timestamp},
            completed_by TEXT,
            completed_at {timestamp},
            completion_signature_id {uuid},
            cancelled_by TEXT,
            cancelled_at {timestamp},
            cancellation_reason TEXT,
            escalation_level INTEGER NOT NULL,
            escalation_chain TEXT,
            next_escalation_at {timestamp},
            revision INTEGER NOT NULL,
            requires_signature {bool} NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX human_tasks_by_site_due ON human_tasks (site_id, status, due_at)",
        "CREATE INDEX human_tasks_by_line ON human_tasks (line_id, status)",
        "CREATE INDEX human_tasks_by_instance ON human_tasks (workflow_instance_id)",
        "CREATE INDEX human_tasks_escalation_due ON human_tasks (next_escalation_at) WHERE next_escalation_at IS NOT NULL",
        """
        CREATE TABLE human_task_escalations (
            task_id {uuid} NOT NULL REFERENCES human_tasks (id),
            level INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            escalated_at {timestamp} NOT NULL,
            PRIMARY KEY (task_id, level, recipient)
        )
        """,
        "CREATE INDEX human_task_escalations_by_recipient ON human_task_escalations (recipient)",
    ])
}

extension Migration {
    /// Version 11: pre-start checklist templates, the equipment they apply to, and their
    /// completions with every answer.
    static let checklists = Migration(11, "checklists", ddl: [
        """
        CREATE TABLE checklist_templates (
            id {uuid} PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            items TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            updated_at {timestamp} NOT NULL
        )
        """,
        """
        CREATE TABLE checklist_template_equipment (
            template_id {uuid} NOT NULL REFERENCES checklist_templates (id) ON DELETE CASCADE,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            PRIMARY KEY (template_id, equipment_id)
        )
        """,
        "CREATE INDEX checklist_template_equipment_by_equipment ON checklist_template_equipment (equipment_id)",
        """
        CREATE TABLE checklist_completions (
            id {uuid} PRIMARY KEY,
            template_id {uuid} NOT NULL REFERENCES checklist_templates (id),
            template_code TEXT NOT NULL,
            equipment_id {uuid} NOT NULL REFERENCES equipment (id),
            answers TEXT NOT NULL,
            passed {bool} NOT NULL,
            completed_by TEXT NOT NULL,
            completed_at {timestamp} NOT NULL
        )
        """,
        "CREATE INDEX checklist_completions_by_equipment ON checklist_completions (equipment_id, completed_at)",
    ])
}

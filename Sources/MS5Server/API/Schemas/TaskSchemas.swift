import MS5Domain

extension TaskPriority: DocumentedSchema {
    static let schemaName = "TaskPriority"
    static var schema: JSONSchema { .integer(1...6) }
}

extension TaskAssignee: DocumentedSchema {
    static let schemaName = "TaskAssignee"
    static var schema: JSONSchema {
        .string(maxLength: 69, minLength: 6, pattern: "^(user|role|team):.+$", description: "user:<username>, role:<role> or team:<team code>.")
    }
}

extension HumanTaskStatus: DocumentedSchema {
    static let schemaName = "HumanTaskStatus"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension HumanTask: DocumentedSchema {
    static let schemaName = "HumanTask"
    static var referencedSchemas: [any DocumentedSchema.Type] { [TaskAssignee.self, TaskPriority.self, HumanTaskStatus.self] }
    static var schema: JSONSchema {
        let optionalText = JSONSchema.plainString.orNull
        let optionalTime = JSONSchema.dateTime.orNull
        return .object([
            "id": .uuid, "workflowInstanceId": .uuid, "siteId": .uuid, "lineId": JSONSchema.uuid.orNull, "type": .plainString,
            "title": .plainString, "assignee": .ref("TaskAssignee"), "priority": .ref("TaskPriority"), "dueAt": optionalTime,
            "status": .ref("HumanTaskStatus"), "claimedBy": optionalText, "claimedAt": optionalTime, "completedBy": optionalText,
            "completedAt": optionalTime, "completionSignatureId": JSONSchema.uuid.orNull, "cancelledBy": optionalText,
            "cancelledAt": optionalTime, "cancellationReason": optionalText, "escalationLevel": .integer(0...TaskEscalationChain.maximumLevels),
            "revision": .integer(1...Int(Int32.max)), "requiresSignature": .boolean, "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: [
            "id", "workflowInstanceId", "siteId", "type", "title", "assignee", "priority", "status", "escalationLevel", "revision",
            "requiresSignature", "createdAt", "updatedAt",
        ], description: """
            priority: 1 direct (due in 1 h), 2 end of shift, 3 end of day, 4 within 7 days, 5 within 30 days, 6 no due date. \
            revision grows with every change by a person: send the revision you saw with each action. Escalation leaves it as it is.
            """)
    }
}

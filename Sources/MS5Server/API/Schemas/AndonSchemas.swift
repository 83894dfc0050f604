import MS5Domain

extension AndonCategory: DocumentedSchema {
    static let schemaName = "AndonCategory"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonPriority: DocumentedSchema {
    static let schemaName = "AndonPriority"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonTrigger: DocumentedSchema {
    static let schemaName = "AndonTrigger"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonCallStatus: DocumentedSchema {
    static let schemaName = "AndonCallStatus"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonCall: DocumentedSchema {
    static let schemaName = "AndonCall"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonCategory.self, AndonPriority.self, AndonTrigger.self, AndonCallStatus.self] }
    static var schema: JSONSchema {
        let optionalText = JSONSchema.plainString.orNull
        let optionalTime = JSONSchema.dateTime.orNull
        return .object([
            "id": .uuid, "lineId": .uuid, "equipmentId": JSONSchema.uuid.orNull, "category": .ref("AndonCategory"),
            "priority": .ref("AndonPriority"), "text": .plainString, "trigger": .ref("AndonTrigger"), "cause": optionalText,
            "status": .ref("AndonCallStatus"), "level": .integer(1...10), "levelReachedAt": .dateTime, "nextEscalationAt": optionalTime,
            "raisedBy": .plainString, "raisedAt": .dateTime, "acknowledgedBy": optionalText, "acknowledgedAt": optionalTime,
            "resolvedBy": optionalText, "resolvedAt": optionalTime, "cancelledBy": optionalText, "cancelledAt": optionalTime,
            "resolutionNote": optionalText,
        ], required: ["id", "lineId", "category", "priority", "text", "trigger", "status", "level", "levelReachedAt", "raisedBy", "raisedAt"])
    }
}

extension AndonCallInput: DocumentedSchema {
    static let schemaName = "AndonCallInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonCategory.self, AndonPriority.self] }
    static var schema: JSONSchema {
        .object([
            "lineId": .uuid, "equipmentId": JSONSchema.uuid.orNull, "category": .ref("AndonCategory"), "priority": .ref("AndonPriority"),
            "text": .string(maxLength: AndonCallInput.maximumText, minLength: 0),
        ], required: ["lineId", "category", "priority", "text"])
    }
}

extension AndonCallAction: DocumentedSchema {
    static let schemaName = "AndonCallAction"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonCallStatus.self] }
    static var schema: JSONSchema {
        .object(["status": .ref("AndonCallStatus"), "note": JSONSchema.string(maxLength: 1000).orNull], required: ["status"],
                description: "acknowledged, resolved (with a note) or cancelled (with a note).")
    }
}

extension AndonBoard: DocumentedSchema {
    static let schemaName = "AndonBoard"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonCall.self] }
    static var schema: JSONSchema {
        let entry = JSONSchema.object(
            ["call": .ref("AndonCall"), "elapsedSeconds": .integer(0...Int(Int32.max)), "heldBy": .array(of: .plainString)],
            required: ["call", "elapsedSeconds", "heldBy"])
        let line = JSONSchema.object(["lineId": .uuid, "lineCode": .plainString, "calls": .array(of: entry)], required: ["lineId", "lineCode", "calls"])
        return .object(["generatedAt": .dateTime, "lines": .array(of: line)], required: ["generatedAt", "lines"])
    }
}

extension EscalationLevel: DocumentedSchema {
    static let schemaName = "EscalationLevel"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Role.self] }
    static var schema: JSONSchema {
        .object([
            "delaySeconds": .integer(5...604_800), "roles": .array(of: .ref("Role")), "users": .array(of: .string(maxLength: 64)),
            "teams": .array(of: .code), "emails": .array(of: .string(maxLength: 254)), "webhookIds": .array(of: .uuid),
        ], required: ["delaySeconds", "roles", "users", "emails", "webhookIds"], description: "teams may be left out (none).")
    }
}

extension EscalationPolicy.Until: DocumentedSchema {
    static let schemaName = "EscalationUntil"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension EscalationPolicy: DocumentedSchema {
    static let schemaName = "EscalationPolicy"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonCategory.self, AndonPriority.self, EscalationPolicy.Until.self, EscalationLevel.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "lineId": .uuid, "category": .ref("AndonCategory"), "priority": .ref("AndonPriority"), "until": .ref("EscalationUntil"),
            "levels": .array(of: .ref("EscalationLevel")), "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "lineId", "category", "priority", "until", "levels", "createdAt", "updatedAt"])
    }
}

extension EscalationPolicyInput: DocumentedSchema {
    static let schemaName = "EscalationPolicyInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonCategory.self, AndonPriority.self, EscalationPolicy.Until.self, EscalationLevel.self] }
    static var schema: JSONSchema {
        .object([
            "lineId": .uuid, "category": .ref("AndonCategory"), "priority": .ref("AndonPriority"), "until": .ref("EscalationUntil"),
            "levels": .array(of: .ref("EscalationLevel")),
        ], required: ["lineId", "category", "priority", "until", "levels"],
        description: "Level 1 is told when a call is raised; each level's delay without an acknowledgement (or resolution) moves it on.")
    }
}

extension AndonRule: DocumentedSchema {
    static let schemaName = "AndonRule"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonTrigger.self, AndonCategory.self, AndonPriority.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "equipmentId": .uuid, "trigger": .ref("AndonTrigger"), "thresholdSeconds": .integer(0...86_400),
            "rejectPercent": JSONSchema.number.orNull, "windowMinutes": JSONSchema.integer(1...1440).orNull, "category": .ref("AndonCategory"),
            "priority": .ref("AndonPriority"), "enabled": .boolean, "createdAt": .dateTime, "updatedAt": .dateTime,
        ], required: ["id", "equipmentId", "trigger", "thresholdSeconds", "category", "priority", "enabled", "createdAt", "updatedAt"])
    }
}

extension AndonRuleInput: DocumentedSchema {
    static let schemaName = "AndonRuleInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonTrigger.self, AndonCategory.self, AndonPriority.self] }
    static var schema: JSONSchema {
        .object([
            "equipmentId": .uuid, "trigger": .ref("AndonTrigger"), "thresholdSeconds": .integer(0...86_400),
            "rejectPercent": JSONSchema.number.orNull, "windowMinutes": JSONSchema.integer(1...1440).orNull, "category": .ref("AndonCategory"),
            "priority": .ref("AndonPriority"), "enabled": .boolean,
        ], required: ["equipmentId", "trigger", "thresholdSeconds", "category", "priority", "enabled"],
        description: "fault and starvedBlocked rules raise a call once the condition lasts thresholdSeconds; rejectRate rules when rejects exceed rejectPercent over windowMinutes.")
    }
}

extension WebhookEndpoint: DocumentedSchema {
    static let schemaName = "WebhookEndpoint"
    static var schema: JSONSchema {
        .object(["id": .uuid, "name": .plainString, "url": .plainString, "enabled": .boolean, "createdAt": .dateTime, "updatedAt": .dateTime],
                required: ["id", "name", "url", "enabled", "createdAt", "updatedAt"], description: "The secret is never shown back.")
    }
}

extension WebhookEndpointInput: DocumentedSchema {
    static let schemaName = "WebhookEndpointInput"
    static var schema: JSONSchema {
        .object(["name": .name, "url": .string(maxLength: 2000), "secret": .string(maxLength: 256, minLength: 16), "enabled": .boolean],
                required: ["name", "url", "secret", "enabled"],
                description: "Bodies are signed: X-MS5-Signature = sha256=hex(HMAC-SHA256(secret, X-MS5-Timestamp + '.' + body)).")
    }
}

extension AndonNotification.Channel: DocumentedSchema {
    static let schemaName = "AndonNotificationChannel"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonNotification.Status: DocumentedSchema {
    static let schemaName = "AndonNotificationStatus"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonNotification: DocumentedSchema {
    static let schemaName = "AndonNotification"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonNotification.Channel.self, AndonNotification.Status.self] }
    static var schema: JSONSchema {
        .object([
            "id": .uuid, "callId": .uuid, "level": .integer(1...10), "channel": .ref("AndonNotificationChannel"), "target": .plainString,
            "status": .ref("AndonNotificationStatus"), "attempts": .integer(0...1000), "nextAttemptAt": .dateTime,
            "lastError": JSONSchema.plainString.orNull, "sentAt": JSONSchema.dateTime.orNull, "createdAt": .dateTime,
        ], required: ["id", "callId", "level", "channel", "target", "status", "attempts", "nextAttemptAt", "createdAt"])
    }
}

import MS5Domain

extension AndonEvent.Kind: DocumentedSchema {
    static let schemaName = "AndonEventKind"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension AndonEvent: DocumentedSchema {
    static let schemaName = "AndonEvent"
    static var referencedSchemas: [any DocumentedSchema.Type] { [AndonEvent.Kind.self, AndonCall.self, EscalationLevel.self] }
    static var schema: JSONSchema {
        .object(["kind": .ref("AndonEventKind"), "call": .ref("AndonCall"), "recipients": .ref("EscalationLevel")],
                required: ["kind", "call"], description: "A step of an Andon call: the call as it is after it, and who its level names (new calls and escalations).")
    }
}

extension StateChange: DocumentedSchema {
    static let schemaName = "StateChange"
    static var referencedSchemas: [any DocumentedSchema.Type] { [StateIntervalRecord.self] }
    static var schema: JSONSchema {
        .object(["closed": .ref("StateInterval"), "opened": .ref("StateInterval"), "confirmedAt": .dateTime],
                required: ["opened", "confirmedAt"],
                description: "closed is the interval that ended (absent for an equipment's first state); opened starts when the new condition began, confirmedAt when the debounce confirmed it.")
    }
}

extension FaultEdge: DocumentedSchema {
    static let schemaName = "FaultEdge"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension FaultEvent: DocumentedSchema {
    static let schemaName = "FaultEvent"
    static var referencedSchemas: [any DocumentedSchema.Type] { [FaultDefinition.self, FaultEdge.self] }
    static var schema: JSONSchema {
        .object([
            "code": .plainString, "definition": .ref("FaultDefinition"), "edge": .ref("FaultEdge"), "at": .dateTime, "raisedAt": .dateTime,
            "duration": .number, "firstOut": .boolean, "isUncatalogued": .boolean,
        ], required: ["code", "definition", "edge", "at", "raisedAt", "firstOut", "isUncatalogued"],
        description: "duration (seconds) is given on a clear only.")
    }
}

extension StopPlanning: DocumentedSchema {
    static let schemaName = "StopPlanning"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension ProductionStopEvent: DocumentedSchema {
    static let schemaName = "ProductionStopEvent"
    static var referencedSchemas: [any DocumentedSchema.Type] { [Stop.self, StopPlanning.self] }
    static var schema: JSONSchema {
        .object(["name": .plainString, "equipmentId": .uuid, "stop": .ref("Stop"), "planning": .ref("StopPlanning")],
                required: ["name", "equipmentId", "stop", "planning"])
    }
}

extension HumanTaskEvent.Kind: DocumentedSchema {
    static let schemaName = "HumanTaskEventKind"
    static var schema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension HumanTaskEvent: DocumentedSchema {
    static let schemaName = "HumanTaskEvent"
    static var referencedSchemas: [any DocumentedSchema.Type] { [HumanTaskEvent.Kind.self, HumanTask.self, TaskAssignee.self] }
    static var schema: JSONSchema {
        .object(["kind": .ref("HumanTaskEventKind"), "task": .ref("HumanTask"), "actor": .plainString, "notify": JSONSchema.array(of: .ref("TaskAssignee")).orNull],
                required: ["kind", "task", "actor"],
                description: "A step of a human task: the task as it is after it, who took it (system for the workflow engine), and for escalations who to tell now.")
    }
}

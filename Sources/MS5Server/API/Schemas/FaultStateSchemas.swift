import MS5Connectors
import MS5Domain

extension FaultKind: DocumentedSchema {
    static let schemaName = "FaultKind"
    static var schema: JSONSchema { .enumeration(FaultKind.allCases.map(\.rawValue)) }
}

extension FaultSource: DocumentedSchema {
    static let schemaName = "FaultSource"
    static var schema: JSONSchema { .enumeration(FaultSource.allCases.map(\.rawValue)) }
}

extension FaultDefinition: DocumentedSchema {
    static let schemaName = "FaultDefinition"
    static var referencedSchemas: [any DocumentedSchema.Type] { [FaultKind.self, FaultSource.self] }
    static var schema: JSONSchema {
        .object([
            "word": .integer(0...63), "bit": .integer(0...31), "code": .string(maxLength: 32), "text": .string(maxLength: 200),
            "severity": .integer(1...5), "kind": .ref("FaultKind"), "source": .ref("FaultSource"),
        ], required: ["word", "bit", "code", "text", "severity", "kind", "source"])
    }
}

extension FaultRecord: DocumentedSchema {
    static let schemaName = "FaultRecord"
    static var referencedSchemas: [any DocumentedSchema.Type] { [FaultKind.self, FaultSource.self] }
    static var schema: JSONSchema {
        .object([
            "code": .plainString, "text": .plainString, "kind": .ref("FaultKind"), "source": .ref("FaultSource"),
            "start": .dateTime, "end": JSONSchema.dateTime.orNull, "firstOut": .boolean,
        ], required: ["code", "text", "kind", "source", "start", "firstOut"])
    }
}

extension MachineState: DocumentedSchema {
    static let schemaName = "MachineState"
    static var schema: JSONSchema { .enumeration(MachineState.allCases.map(\.rawValue)) }
}

extension MachineMode: DocumentedSchema {
    static let schemaName = "MachineMode"
    static var schema: JSONSchema { .enumeration(MachineMode.allCases.map(\.rawValue)) }
}

extension StateIntervalRecord: DocumentedSchema {
    static let schemaName = "StateInterval"
    static var referencedSchemas: [any DocumentedSchema.Type] { [MachineState.self, MachineMode.self] }
    static var schema: JSONSchema {
        .object(["state": .ref("MachineState"), "mode": .ref("MachineMode"), "start": .dateTime, "end": JSONSchema.dateTime.orNull],
                required: ["state", "mode", "start"])
    }
}

extension StateRules: DocumentedSchema {
    static let schemaName = "StateRules"
    static var referencedSchemas: [any DocumentedSchema.Type] { [MachineState.self, MachineMode.self] }
    static var schema: JSONSchema {
        let mode: [String: JSONSchema] = [
            "manualBit": JSONSchema.plainString.orNull, "maintenanceBit": JSONSchema.plainString.orNull,
            "modeMetric": JSONSchema.plainString.orNull,
            "modeMapping": JSONSchema(json: ["type": "object", "additionalProperties": JSONSchema.ref("MachineMode").json]),
        ]
        let derived = JSONSchema.object([
            "type": .enumeration(["derived"]), "runningBit": JSONSchema.plainString.orNull, "speedMetric": JSONSchema.plainString.orNull,
            "runningSpeedThreshold": .number, "readyBit": JSONSchema.plainString.orNull, "starvedBit": JSONSchema.plainString.orNull,
            "blockedBit": JSONSchema.plainString.orNull, "useActiveFaults": .boolean,
            "modeRules": .object(mode, required: []), "minimumDuration": .number,
        ], required: ["type"], description: "Derived from bits, speed and active faults: held > suspended > running > idle > stopped.")
        let fromTag = JSONSchema.object([
            "type": .enumeration(["fromStateTag"]), "metric": .plainString,
            "mapping": JSONSchema(json: ["type": "object", "additionalProperties": JSONSchema.ref("MachineState").json]),
            "defaultState": .ref("MachineState"), "modeRules": .object(mode, required: []), "minimumDuration": .number,
        ], required: ["type", "metric", "mapping"], description: "Read from an integer PLC state tag.")
        return JSONSchema(json: ["oneOf": [derived.json, fromTag.json]])
    }
}

extension PLCProtocol: DocumentedSchema {
    static let schemaName = "PLCProtocol"
    static var schema: JSONSchema { .enumeration(PLCProtocol.allCases.map(\.rawValue)) }
}

extension PLCConnection: DocumentedSchema {
    static let schemaName = "PLCConnection"
    static var referencedSchemas: [any DocumentedSchema.Type] { [PLCProtocol.self] }
    static var schema: JSONSchema {
        .object([
            "equipmentId": .uuid, "host": .plainString, "port": .integer(1...65_535), "slot": .integer(0...247),
            "protocol": .ref("PLCProtocol"), "enabled": .boolean, "username": JSONSchema.plainString.orNull, "hasPassword": .boolean,
            "tls": .boolean, "tlsCAFile": JSONSchema.plainString.orNull, "endpointPath": JSONSchema.plainString.orNull, "updatedAt": .dateTime,
        ], required: ["equipmentId", "host", "port", "slot", "protocol", "enabled", "hasPassword", "tls", "updatedAt"],
        description: "The password is never shown back; hasPassword says whether one is set.")
    }
}

extension PLCConnectionInput: DocumentedSchema {
    static let schemaName = "PLCConnectionInput"
    static var referencedSchemas: [any DocumentedSchema.Type] { [PLCProtocol.self] }
    static var schema: JSONSchema {
        .object([
            "host": .string(maxLength: 253), "port": .integer(1...65_535), "slot": .integer(0...247), "protocol": .ref("PLCProtocol"), "enabled": .boolean,
            "username": JSONSchema.string(maxLength: 256).orNull, "password": JSONSchema.string(maxLength: 256, minLength: 0).orNull,
            "tls": .boolean, "tlsCAFile": JSONSchema.string(maxLength: 1024).orNull, "endpointPath": JSONSchema.string(maxLength: 256).orNull,
        ], required: ["host", "port", "slot", "protocol", "enabled"], description: """
            logix: ControlLogix/CompactLogix in `slot`; slc: SLC 500/MicroLogix over PCCC; modbus: unit id in `slot`. \
            username/password for mqtt, sparkplug and opcua (a password left out keeps the one set before, an empty one removes it); \
            tls and tlsCAFile (a PEM file on the ms5 host) for mqtt and sparkplug; endpointPath (`/UA/Server`) for opcua.
            """)
    }
}

extension PLCStatus: DocumentedSchema {
    static let schemaName = "PLCStatus"
    static var referencedSchemas: [any DocumentedSchema.Type] { [PLCProtocol.self] }
    static var schema: JSONSchema {
        .object([
            "equipmentId": .uuid, "equipmentCode": .plainString, "host": .plainString, "port": .integer(1...65_535), "protocol": .ref("PLCProtocol"),
            "connected": .boolean, "lastError": JSONSchema.plainString.orNull, "roundTripMilliseconds": JSONSchema.number.orNull,
            "readsPerSecond": .number, "reconnectAttempts": .integer(0...Int.max), "tags": .integer(0...Int.max), "samplesStored": .integer(0...Int.max),
        ], required: ["equipmentId", "equipmentCode", "host", "port", "protocol", "connected", "readsPerSecond", "reconnectAttempts", "tags", "samplesStored"])
    }
}

import HTTPTypes
import MS5Domain

/// Builds the OpenAPI 3.1 description of the API from the operations the router serves.
struct OpenAPIDocument {
    let operations: [APIOperation]
    let schemas: [String: JSONSchema]
    let version: String

    /// The document as JSON.
    var json: JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = describe(operation)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "MS5 API",
                "version": .string(version),
                "description": "The factory-floor API of MS5. Errors are application/problem+json (RFC 9457).",
            ],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "schemas": .object(schemas.mapValues(\.json)),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    private func describe(_ operation: APIOperation) -> JSONValue {
        var description: [String: JSONValue] = [
            "operationId": .string(operation.operationId),
            "summary": .string(operation.summary),
            "tags": [.string(operation.tag)],
            "responses": .object(responses(operation)),
        ]
        switch operation.access {
        case .anyone:
            description["security"] = []
        case .signedIn:
            description["security"] = [["bearer": []]]
        case .roles(let roles):
            description["security"] = [["bearer": []]]
            description["x-ms5-roles"] = .array(roles.map(\.rawValue).sorted().map(JSONValue.string))
        }
        let parameters = operation.parameters + (operation.acceptsIdempotencyKey ? [.idempotencyKey] : [])
        if !parameters.isEmpty {
            description["parameters"] = .array(parameters.map { parameter in
                [
                    "name": .string(parameter.name), "in": .string(parameter.location.rawValue),
                    "required": .bool(parameter.location == .path), "schema": parameter.schema.json,
                    "description": .string(parameter.description),
                ]
            })
        }
        if let mediaType = operation.rawRequestBody {
            description["requestBody"] = ["required": true, "content": [mediaType: ["schema": ["type": "string"]]]]
        }
        if let request = operation.requestSchema {
            description["requestBody"] = [
                "required": true,
                "content": ["application/json": ["schema": JSONSchema.ref(request).json]],
            ]
        }
        return .object(description)
    }

    private func responses(_ operation: APIOperation) -> [String: JSONValue] {
        var responses: [String: JSONValue] = [:]
        var success: [String: JSONValue] = ["description": .string(operation.success.status.reasonPhrase)]
        if let schema = operation.success.schema {
            success["content"] = [operation.contentType: ["schema": JSONSchema.ref(schema).json]]
        } else if operation.success.status != .noContent {
            success["content"] = [operation.contentType: ["schema": ["type": "string"]]]
        }
        responses[String(operation.success.status.code)] = .object(success)
        for status in operation.errorStatuses {
            responses[String(status.code)] = [
                "description": .string(status.reasonPhrase),
                "content": ["application/problem+json": ["schema": JSONSchema.ref(Problem.schemaName).json]],
            ]
        }
        return responses
    }
}

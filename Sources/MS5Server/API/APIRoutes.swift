import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage

/// Registers operations on the router and keeps their descriptions for `/openapi.json`.
///
/// Every route of the API goes through here, so that each one declares who may call it and
/// appears in the API description exactly as it is served.
struct APIRoutes {
    let router: Router<AppContext>
    let authenticator: Authenticator
    let idempotentWrites: IdempotentWrites
    /// Roles whose accounts must have TOTP on before they may do more than enrol.
    let totpRequiredRoles: Set<Role>
    /// The attribute rules handlers check against the records a request touches.
    let rules: AttributeRules
    private(set) var operations: [APIOperation] = []
    /// Every schema the operations use, by name: bodies and what they refer to.
    private(set) var schemas: [String: JSONSchema] = Problem.schemaClosure

    init(
        router: Router<AppContext>, authenticator: Authenticator, idempotentWrites: IdempotentWrites, rules: AttributeRules,
        totpRequiredRoles: Set<Role> = []
    ) {
        self.router = router
        self.authenticator = authenticator
        self.idempotentWrites = idempotentWrites
        self.rules = rules
        self.totpRequiredRoles = totpRequiredRoles
    }

    /// Registers an operation answering with the JSON of `Output`.
    mutating func add<Output: Encodable & Sendable & DocumentedSchema>(
        _ operation: APIOperation, status: HTTPResponse.Status = .ok,
        _ handler: @escaping @Sendable (Request, AppContext) async throws -> Output
    ) {
        var operation = operation
        operation.success = (status, Output.schemaName)
        schemas.merge(Output.schemaClosure) { current, _ in current }
        addResponder(operation) { request, context in
            try JSONBody.response(try await handler(request, context), status: status)
        }
    }

    /// Registers an operation that takes the JSON of `Input` and answers with the JSON of `Output`.
    mutating func add<Input: Decodable & Sendable & DocumentedSchema, Output: Encodable & Sendable & DocumentedSchema>(
        _ operation: APIOperation, input: Input.Type, status: HTTPResponse.Status = .ok,
        _ handler: @escaping @Sendable (Input, Request, AppContext) async throws -> Output
    ) {
        var operation = operation
        operation.requestSchema = Input.schemaName
        operation.success = (status, Output.schemaName)
        schemas.merge(Input.schemaClosure) { current, _ in current }
        schemas.merge(Output.schemaClosure) { current, _ in current }
        addResponder(operation) { request, context in
            let input = try await JSONBody.decode(Input.self, from: request)
            return try JSONBody.response(try await handler(input, request, context), status: status)
        }
    }

    /// Registers an operation answering `204 No Content`.
    mutating func add(_ operation: APIOperation, _ handler: @escaping @Sendable (Request, AppContext) async throws -> NoContent) {
        var operation = operation
        operation.success = (.noContent, nil)
        addResponder(operation) { request, context in
            _ = try await handler(request, context)
            return Response(status: .noContent)
        }
    }

    /// Registers an operation that takes the JSON of `Input` and answers `204 No Content`.
    mutating func add<Input: Decodable & Sendable & DocumentedSchema>(
        _ operation: APIOperation, input: Input.Type, _ handler: @escaping @Sendable (Input, Request, AppContext) async throws -> NoContent
    ) {
        var operation = operation
        operation.requestSchema = Input.schemaName
        operation.success = (.noContent, nil)
        schemas.merge(Input.schemaClosure) { current, _ in current }
        addResponder(operation) { request, context in
            _ = try await handler(try await JSONBody.decode(Input.self, from: request), request, context)
            return Response(status: .noContent)
        }
    }

    /// Adds a schema (and what it refers to) to the document, for operations that build their own responses.
    mutating func schemasInclude(_ type: any DocumentedSchema.Type) {
        schemas.merge(type.schemaClosure) { current, _ in current }
    }

    /// Describes an operation served by a handler of its own (the live feed's WebSocket upgrade).
    mutating func document(_ operation: APIOperation) {
        operations.append(operation)
    }

    /// Registers an operation that builds its own response (plain text, documents).
    mutating func addResponder(
        _ operation: APIOperation, _ handler: @escaping @Sendable (Request, AppContext) async throws -> Response
    ) {
        operations.append(operation)
        let authenticator = self.authenticator
        let idempotentWrites = self.idempotentWrites
        let totpRequiredRoles = self.totpRequiredRoles
        let rules = self.rules
        let scopedRecord = ScopedPaths.record(namedBy: operation.path)
        router.on(RouterPath(operation.routerPath), method: operation.method) { request, context in
            var context = context
            guard operation.access != .anyone else { return try await handler(request, context) }
            let signedIn = try await authenticator.signedIn(request)
            let user = signedIn.user
            guard operation.access.allows(user.role) else {
                throw Problem(.forbidden, code: "forbidden", detail: "Your role (\(user.role.rawValue)) may not do this.")
            }
            if user.mustChangePassword, !APIOperation.allowedBeforePasswordChange.contains(operation.operationId) {
                throw Problem(.forbidden, code: "password-change-required",
                              detail: "Change the temporary password first (POST /v1/auth/password), then sign in again.")
            }
            if totpRequiredRoles.contains(user.role), !user.totpEnabled,
               !APIOperation.allowedBeforeTOTPEnrolment.contains(operation.operationId) {
                throw Problem(.forbidden, code: "totp-enrolment-required", detail: """
                    Your role must sign in with a second factor: turn TOTP on first \
                    (POST /v1/auth/totp/enrolment, then POST /v1/auth/totp/confirmation).
                    """)
            }
            context.user = user
            context.sessionId = signedIn.sessionId
            context.siteScope = try await rules.siteAccess.scope(of: user.id)
            if let record = scopedRecord, let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) {
                try await rules.requirePathRecord(record, id: id, in: context.siteScope)
            }
            let reason = request.headers[.changeReason].map { String($0.prefix(500)) }
            return try await AuditContext.$current.withValue(AuditContext(actor: user.username, reason: reason)) {
                guard operation.acceptsIdempotencyKey else { return try await handler(request, context) }
                return try await idempotentWrites.run(request, user: user) { request in try await handler(request, context) }
            }
        }
    }
}

extension HTTPField.Name {
    /// `X-Change-Reason`: why the person makes a change, kept in the audit ledger with it.
    static let changeReason = HTTPField.Name("X-Change-Reason")!
}

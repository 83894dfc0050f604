import Foundation
import HTTPTypes

/// One operation of the HTTP API: what the router serves and what `/openapi.json` describes,
/// declared once so that the two cannot drift apart.
struct APIOperation: Sendable {
    /// A parameter in the path or the query string.
    struct Parameter: Sendable {
        enum Location: String, Sendable { case path, query, header }
        let name: String
        let location: Location
        let schema: JSONSchema
        let description: String
    }

    let method: HTTPRequest.Method
    /// The path in OpenAPI form, `/v1/sites/{id}`.
    let path: String
    let operationId: String
    let summary: String
    let tag: String
    let access: Access
    var parameters: [Parameter] = []
    /// Whether the operation can refuse a change as conflicting with other records (409).
    var canConflict = false
    /// Whether the operation is limited per client address (429).
    var rateLimited = false
    /// Whether the success answer holds a secret shown once (a device token): it is never kept
    /// for replays, so such an operation takes no `Idempotency-Key`.
    var answersSecret = false
    /// The request body's schema name, set when the operation is registered with an input type.
    var requestSchema: String?
    /// The media type of a request body that is a file rather than JSON (`text/csv`).
    var rawRequestBody: String?
    /// The success status and its body's schema name (nil for no body).
    var success: (status: HTTPResponse.Status, schema: String?) = (.ok, nil)
    /// The media type of a successful response.
    var contentType = "application/json"

    /// What an account with a temporary password may do before it sets its own.
    static let allowedBeforePasswordChange: Set<String> = ["currentUser", "changePassword", "logout"]
    /// What an account of a role in `auth.totpRequiredRoles` may do before it turns TOTP on.
    static let allowedBeforeTOTPEnrolment: Set<String> = ["currentUser", "changePassword", "logout", "startTOTPEnrolment", "confirmTOTPEnrolment"]

    /// Whether the operation is a signed-in write, which an `Idempotency-Key` header makes safe to send again.
    var acceptsIdempotencyKey: Bool {
        !answersSecret && access != .anyone && [.post, .put, .patch, .delete].contains(method)
    }

    /// The path in the router's form, `/v1/sites/:id`.
    var routerPath: String {
        path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
    }

    /// The error statuses the operation can answer with, each as a problem response.
    var errorStatuses: [HTTPResponse.Status] {
        var statuses: [HTTPResponse.Status] = []
        if requestSchema != nil || rawRequestBody != nil {
            statuses += [.badRequest, .contentTooLarge, .unsupportedMediaType, .unprocessableContent]
        }
        if access != .anyone { statuses.append(.unauthorized) }
        if case .roles = access { statuses.append(.forbidden) }
        if parameters.contains(where: { $0.location == .path }) { statuses.append(.notFound) }
        if parameters.contains(where: { $0.location == .query }), !statuses.contains(.unprocessableContent) {
            statuses.append(.unprocessableContent)
        }
        if acceptsIdempotencyKey {
            for status in [HTTPResponse.Status.badRequest, .unprocessableContent] where !statuses.contains(status) {
                statuses.append(status)
            }
        }
        if canConflict || acceptsIdempotencyKey { statuses.append(.conflict) }
        if rateLimited { statuses.append(.tooManyRequests) }
        return statuses
    }
}

extension APIOperation.Parameter {
    /// The `{id}` path parameter of a record of `noun`.
    static func id(_ noun: String) -> Self {
        .init(name: "id", location: .path, schema: .uuid, description: "The \(noun)'s id.")
    }

    /// A query filter by the id of a parent record.
    static func filter(_ name: String, _ description: String) -> Self {
        .init(name: name, location: .query, schema: .uuid, description: description)
    }

    /// The header that makes a write safe to send again (``IdempotentWrites``).
    static let idempotencyKey = Self(
        name: "Idempotency-Key", location: .header, schema: .plainString,
        description: "A key made once per action (a UUID); sending the same request with it again changes nothing and answers as the first time.")

    /// The `limit` and `cursor` of a paged list.
    static let paging: [Self] = [
        .init(name: "limit", location: .query, schema: .integer(1...500), description: "Most items in the page (default 50)."),
        .init(name: "cursor", location: .query, schema: .plainString, description: "The `nextCursor` of the previous page."),
    ]
}

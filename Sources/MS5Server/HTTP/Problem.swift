import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import NIOCore
import NIOFoundationEssentialsCompat

/// An RFC 9457 problem: the one shape every error of the API has, as `application/problem+json`.
public struct Problem: Error, Sendable, Equatable, Codable, HTTPResponseError {
    /// The problem type; `about:blank` with `title` being the status phrase.
    public var type = "about:blank"
    public var title: String
    /// The HTTP status code, repeated in the body.
    public var statusCode: Int
    /// What happened and what to do about it.
    public var detail: String
    /// A short stable word for clients to switch on (`invalid`, `not-found`, `conflict` …).
    public var code: String
    /// The fields at fault, each named by a JSON pointer.
    public var errors: [FieldViolation]
    /// The request id, to find the matching log lines.
    public var requestId: String?

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, code, errors, requestId
    }

    /// Creates a problem with `status` and a `detail` sentence.
    public init(_ status: HTTPResponse.Status, code: String, detail: String, errors: [FieldViolation] = []) {
        self.title = status.reasonPhrase
        self.statusCode = status.code
        self.detail = detail
        self.code = code
        self.errors = errors
    }

    /// The HTTP status of this problem.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    /// The problem for a refusal of the domain's rules.
    public init(_ error: DomainError) {
        let status: HTTPResponse.Status = switch error.code {
        case .invalid: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        }
        self.init(status, code: error.code.slug, detail: error.message, errors: error.violations)
    }

    /// Renders the problem as `application/problem+json`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.requestId = context.id
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"ms5\"" }
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(problem))))
    }
}

extension DomainError.Code {
    /// The word used for this code in problem responses.
    var slug: String {
        switch self {
        case .invalid: "invalid"
        case .notFound: "not-found"
        case .conflict: "conflict"
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        }
    }
}

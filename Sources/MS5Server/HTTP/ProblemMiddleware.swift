import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import MS5Domain

/// Turns every error below it into a problem response, so that clients only ever see
/// `application/problem+json` and unexpected errors are logged with their request id, never leaked.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.problem(for: error, logger: context.logger).response(from: request, context: context)
        }
    }

    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let domain as DomainError:
            return Problem(domain)
        case is NIOTooManyBytesError:
            return Problem(
                .contentTooLarge, code: "too-large", detail: "The body is larger than \(JSONBody.maximumBytes) bytes.")
        case let http as HTTPError:
            return Problem(http.status, code: http.status.slug, detail: http.body ?? http.status.reasonPhrase)
        default:
            logger.error("Request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(
                .internalServerError, code: "internal",
                detail: "The server failed to handle this request. It has been logged with the request id.")
        }
    }
}

extension HTTPResponse.Status {
    /// A lower-case word for the status, used as the problem code of framework errors.
    var slug: String {
        switch self {
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .contentTooLarge: "too-large"
        case .unsupportedMediaType: "unsupported-media-type"
        case .badRequest: "bad-request"
        case .unauthorized: "unauthenticated"
        default: "http-\(code)"
        }
    }
}

import HTTPTypes
import Hummingbird

/// Refuses requests beyond the per-address limit of ``RequestRateLimiter`` with a 429 problem and
/// `Retry-After`, before any work is done for them.
struct RequestRateLimitMiddleware: RouterMiddleware {
    typealias Context = AppContext

    /// The buckets of every client address.
    let limiter: RequestRateLimiter

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let retryAfter = limiter.admit(context.remoteIP) else { return try await next(request, context) }
        var response = try Problem(
            .tooManyRequests, code: "too-many-requests",
            detail: "Too many requests from this address; try again in \(retryAfter) s.").response(from: request, context: context)
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }
}

import MS5Domain
import Hummingbird
import Logging

/// Writes one structured log line per request: method, route, status and duration.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)", metadata: [
            "http.route": "\(context.endpointPath ?? "unmatched")",
            "http.status": "\(response.status.code)",
            "duration_ms": "\((elapsed.seconds * 1_000_000).rounded() / 1000)",
        ])
        return response
    }
}

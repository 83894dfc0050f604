import HTTPTypes
import Hummingbird

/// Puts the browser hardening headers on every response: a Content-Security-Policy that allows
/// no inline script or style and no framing, no MIME sniffing, no referrer, and no access to
/// camera, microphone or location. Served over TLS, it also tells browsers to use HTTPS alone
/// for a year (HSTS); over plain HTTP that header would mean nothing, and is left out.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The HSTS value: a year, the host alone (a plant's other hosts may not speak HTTPS).
    static var strictTransportSecurityValue: String { "max-age=31536000" }

    /// Whether responses carry `Strict-Transport-Security`: only when ms5 serves TLS itself.
    let strictTransportSecurity: Bool

    /// The policy the floor app is written for: everything from this server, WebSockets to it.
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; "
            + "font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        if strictTransportSecurity {
            response.headers[.strictTransportSecurity] = Self.strictTransportSecurityValue
        }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let permissionsPolicy = HTTPField.Name("Permissions-Policy")!
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
}

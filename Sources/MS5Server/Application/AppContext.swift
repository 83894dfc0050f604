import Foundation
import Hummingbird
import HummingbirdWebSocket
import MS5Domain

/// What a request carries through the middleware and handlers: the core context and, once
/// authenticated, the signed-in account; the WebSocket handler of an upgrade to the live feed.
public struct AppContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>
    /// The signed-in account, set for every operation that requires one.
    public var user: User?
    /// The ms5 session the request's access token belongs to; nil for external tokens.
    public var sessionId: UUID?
    /// The sites the signed-in account works at: it sees and changes only their records.
    public var siteScope: SiteScope = .everySite
    /// The address the request came from (the proxy's, behind one), for per-client limits.
    public let remoteIP: String

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.remoteIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The same limit as ``JSONBody/maximumBytes``.
    public var maxUploadSize: Int { JSONBody.maximumBytes }

    /// The signed-in account; only called by handlers of operations that require one.
    var signedInUser: User {
        get throws {
            guard let user else { throw Problem(.unauthorized, code: "unauthenticated", detail: "Sign in first.") }
            return user
        }
    }
}

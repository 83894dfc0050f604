import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import MS5Realtime
import NIOCore

/// Runs a real Hummingbird server with the realtime endpoint on a free loopback port.
enum TestServer {
    /// Tokens the test authenticator accepts.
    static let principals: [String: RealtimePrincipal] = [
        "good": RealtimePrincipal(subject: "operator", roles: ["andon"]),
        "viewer": RealtimePrincipal(subject: "tv-board"),
        "north": RealtimePrincipal(subject: "north-supervisor", visibleTopics: [.line(northLine), .oee(northLine)]),
    ]
    /// The one line the `north` principal's site has.
    static let northLine = UUID()

    static var quietLogger: Logger {
        var logger = Logger(label: "ms5.realtime.tests")
        logger.logLevel = .critical
        return logger
    }

    /// Starts a server for `hub` with the WebSocket settings `webSocket`, runs `body` with its
    /// port, then stops server and hub.
    static func withServer(
        hub: RealtimeHub, webSocket: WebSocketServerConfiguration = .init(maxFrameSize: 1 << 20),
        _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        let router = makeRouter(hub: hub)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: webSocket)),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: quietLogger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { try await hub.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            try await body(port)
            group.cancelAll()
        }
    }

    static func makeRouter(hub: RealtimeHub) -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.addRealtimeEndpoint(
            "/realtime",
            hub: hub,
            authorize: { request, _ in request.realtimeAccessToken.flatMap { principals[$0] } },
            canSubscribe: { principal, topic in topic.kind != .andon || principal.roles.contains("andon") }
        )
        return router
    }
}

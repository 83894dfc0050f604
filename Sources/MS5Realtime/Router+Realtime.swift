import Hummingbird
import HummingbirdWebSocket

extension Router where Context: WebSocketRequestContext {
    /// Adds the real-time WebSocket endpoint at `path`.
    ///
    /// Before upgrading, `authorize` runs with the request; `nil` refuses the upgrade with
    /// 401 Unauthorized (use ``Hummingbird/Request/realtimeAccessToken`` to read the token from the
    /// `Authorization` header or the `access_token` query parameter). An authorised request without
    /// `Upgrade: websocket` gets 426 Upgrade Required. An optional `resumeFrom` query parameter
    /// applies to the client's first `subscribe`.
    ///
    /// Pass this router to both `Application(router:)` and `.http1WebSocketUpgrade(webSocketRouter:)`
    /// so that refused upgrades are answered with their status rather than 404.
    /// - Parameters:
    ///   - path: The route path, e.g. `"/api/realtime"`.
    ///   - hub: The hub whose events the endpoint serves.
    ///   - authorize: Returns who is connecting, or `nil` to refuse.
    ///   - canSubscribe: Whether the principal may subscribe to a topic; refused topics get an `error` message.
    ///   - stillAuthorized: Whether an open connection's principal is still signed in, asked every
    ///     ``RealtimeHubConfiguration/authorizationCheckInterval``; `false` closes it with 4401.
    ///     Nil never asks.
    @discardableResult
    public func addRealtimeEndpoint(
        _ path: RouterPath,
        hub: RealtimeHub,
        authorize: @escaping @Sendable (Request, Context) async throws -> RealtimePrincipal?,
        canSubscribe: @escaping @Sendable (RealtimePrincipal, RealtimeTopic) -> Bool = { _, _ in true },
        stillAuthorized: (@Sendable (RealtimePrincipal) async -> Bool)? = nil
    ) -> Self {
        let handoff = PrincipalHandoff()
        return ws(path) { request, context in
            guard let principal = try await authorize(request, context) else {
                throw HTTPError(.unauthorized)
            }
            guard request.headers[.upgrade]?.lowercased() == "websocket" else {
                throw HTTPError(.upgradeRequired)
            }
            handoff.store(principal, for: context.id)
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            guard let principal = handoff.take(for: context.requestContext.id) else { return }
            let session = RealtimeSession(
                hub: hub,
                connection: hub.connect(principal: principal),
                canSubscribe: canSubscribe,
                stillAuthorized: stillAuthorized,
                initialResumeFrom: context.request.uri.queryParameters["resumeFrom"].flatMap { UInt64(String($0)) },
                logger: context.logger
            )
            await session.run(inbound: inbound, outbound: outbound)
        }
    }
}

import Hummingbird
import MS5Domain
import MS5Realtime

extension APIRoutes {
    /// The live feed: a WebSocket at `/v1/live` for every signed-in account (the token in the
    /// `Authorization` header or, from browsers, the `access_token` query parameter). The
    /// messages are described in docs/LIVE-PROTOCOL.md.
    mutating func addLiveRoute(hub: RealtimeHub) {
        let operation = APIOperation(
            method: .get, path: "/v1/live", operationId: "liveFeed",
            summary: "Upgrade to a WebSocket and subscribe to plant, line, equipment, andon and oee topics (docs/LIVE-PROTOCOL.md).",
            tag: "Live", access: .signedIn)
        document(operation)
        let authenticator = self.authenticator
        router.addRealtimeEndpoint(RouterPath(operation.routerPath), hub: hub) { request, _ in
            guard let token = request.realtimeAccessToken, token.utf8.count <= Authenticator.maximumTokenLength else { return nil }
            guard let user = try? await authenticator.signedIn(bearing: token).user else { return nil }
            return RealtimePrincipal(subject: user.username, roles: [user.role.rawValue])
        }
    }
}

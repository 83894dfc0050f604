import Foundation
import Hummingbird
import MS5Domain
import MS5Realtime

extension APIRoutes {
    /// The live feed: a WebSocket at `/v1/live` for every signed-in account (the token in the
    /// `Authorization` header or, from browsers, the `access_token` query parameter). The
    /// messages are described in docs/LIVE-PROTOCOL.md. A socket whose session ends (signed out,
    /// revoked, account disabled, unused too long or past its lifetime) is closed with 4401.
    mutating func addLiveRoute(hub: RealtimeHub) {
        let operation = APIOperation(
            method: .get, path: "/v1/live", operationId: "liveFeed",
            summary: "Upgrade to a WebSocket and subscribe to plant, line, equipment, andon and oee topics (docs/LIVE-PROTOCOL.md).",
            tag: "Live", access: .signedIn)
        document(operation)
        let authenticator = self.authenticator
        router.addRealtimeEndpoint(RouterPath(operation.routerPath), hub: hub, authorize: { request, _ in
            guard let token = request.realtimeAccessToken, token.utf8.count <= Authenticator.maximumTokenLength else { return nil }
            guard let signedIn = try? await authenticator.signedIn(bearing: token) else { return nil }
            return RealtimePrincipal(
                subject: signedIn.user.username, roles: [signedIn.user.role.rawValue], session: signedIn.sessionId?.uuidString)
        }, stillAuthorized: { principal in
            guard let session = principal.session.flatMap(UUID.init(uuidString:)) else { return true }
            // A database that cannot answer just now does not end anyone's live feed.
            return (try? await authenticator.isLive(session: session)) ?? true
        })
    }
}

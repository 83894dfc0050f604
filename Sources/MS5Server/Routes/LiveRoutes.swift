import Foundation
import Hummingbird
import MS5Domain
import MS5Realtime
import MS5Storage

extension APIRoutes {
    /// The live feed: a WebSocket at `/v1/live` for every signed-in account (the token in the
    /// `Authorization` header or, from browsers, the `access_token` query parameter). The
    /// messages are described in docs/LIVE-PROTOCOL.md. A socket whose session ends (signed out,
    /// revoked, account disabled, unused too long or past its lifetime) is closed with 4401. An
    /// account limited to some sites gets only their lines' and equipment's events.
    mutating func addLiveRoute(hub: RealtimeHub) {
        let operation = APIOperation(
            method: .get, path: "/v1/live", operationId: "liveFeed",
            summary: "Upgrade to a WebSocket and subscribe to plant, line, equipment, andon and oee topics (docs/LIVE-PROTOCOL.md).",
            tag: "Live", access: .signedIn)
        document(operation)
        let authenticator = self.authenticator
        let siteAccess = rules.siteAccess
        router.addRealtimeEndpoint(RouterPath(operation.routerPath), hub: hub, authorize: { request, _ in
            guard let token = request.realtimeAccessToken, token.utf8.count <= Authenticator.maximumTokenLength else { return nil }
            do {
                let signedIn = try await authenticator.signedIn(bearing: token)
                return RealtimePrincipal(
                    subject: signedIn.user.username, roles: [signedIn.user.role.rawValue], session: signedIn.sessionId?.uuidString,
                    visibleTopics: try await Self.visibleTopics(of: signedIn.user, siteAccess))
            } catch {
                return nil
            }
        }, stillAuthorized: { principal in
            guard let session = principal.session.flatMap(UUID.init(uuidString:)) else { return true }
            // A database that cannot answer just now does not end anyone's live feed.
            return (try? await authenticator.isLive(session: session)) ?? true
        })
    }

    /// The line, equipment and OEE topics of the sites `user` works at, as they are when the
    /// socket opens; nil (every topic) for an account of every site.
    private static func visibleTopics(of user: User, _ siteAccess: SiteAccessStore) async throws -> Set<RealtimeTopic>? {
        guard case .sites(let siteIds) = try await siteAccess.scope(of: user.id) else { return nil }
        let (lines, equipment) = try await siteAccess.lineAndEquipmentIds(ofSites: siteIds)
        return Set(lines.flatMap { [RealtimeTopic.line($0), .oee($0)] } + equipment.flatMap { [RealtimeTopic.equipment($0), .oee($0)] })
    }
}

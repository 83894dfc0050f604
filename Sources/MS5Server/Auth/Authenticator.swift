import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Identity
import MS5Storage

/// Finds the account behind a request's `Authorization: Bearer` header: an access token of
/// ms5's own (HS256, issuer `ms5`) whose session is still live, or, when one is configured, an
/// access token of the OpenID provider.
struct Authenticator: Sendable {
    let sessions: SessionRepository
    let keys: AccessTokenKeys
    let cache: SessionCache
    let policy: SessionPolicy
    /// The configured OpenID provider's tokens; nil when none is configured.
    var external: OIDCBearerAuthenticator?

    /// The longest bearer token read; longer ones are refused unread.
    static let maximumTokenLength = 4096

    /// The signed-in account and session, or a 401 problem when the header is missing or the token is not live.
    func signedIn(_ request: Request) async throws -> SignedIn {
        try await signedIn(bearing: try Self.token(of: request))
    }

    /// The account and session `token` signs in, or a 401 problem when the token is invalid, expired, or its
    /// session was ended (signed out, revoked, unused too long, account disabled).
    func signedIn(bearing token: String) async throws -> SignedIn {
        if let external, external.claimsIssuer(of: token) { return try await external.signedIn(bearing: token) }
        let now = policy.now()
        let claims: AccessTokenClaims
        do {
            claims = try await keys.signer().verify(token, now: now)
        } catch is JWTError {
            throw Self.refused("The access token is invalid or expired; refresh it or sign in again.")
        }
        guard let sessionId = UUID(uuidString: claims.sessionID), let userId = UUID(uuidString: claims.subject) else {
            throw Self.refused("The access token names no session; sign in again.")
        }
        if let user = cache.user(forSession: sessionId), user.id == userId { return SignedIn(user: user, sessionId: sessionId) }
        guard let live = try await sessions.live(sessionId, at: now), live.user.id == userId else {
            throw Self.refused("The session was ended; sign in again.")
        }
        if policy.isInactive(lastSeenAt: live.lastSeenAt, at: now) {
            try await sessions.revoke(sessionId, reason: SessionService.EndReason.inactive.rawValue, at: now)
            throw Self.refused("The session was unused for too long and is ended; sign in again.")
        }
        if now.timeIntervalSince(live.lastSeenAt) >= policy.lastSeenGranularity.seconds {
            try await sessions.touch(sessionId, at: now)
        }
        cache.remember(live.user, forSession: sessionId)
        return SignedIn(user: live.user, sessionId: sessionId)
    }

    /// Whether the session `id` is still live: not signed out or revoked, its account enabled, not
    /// past its lifetime nor unused too long. Asking does not count as using it.
    func isLive(session id: UUID) async throws -> Bool {
        if cache.user(forSession: id) != nil { return true }
        let now = policy.now()
        guard let live = try await sessions.live(id, at: now) else { return false }
        return !policy.isInactive(lastSeenAt: live.lastSeenAt, at: now)
    }

    /// The bearer token the request carries, or a 401 problem.
    static func token(of request: Request) throws -> String {
        guard let header = request.headers[.authorization] else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "Sign in and send the token as 'Authorization: Bearer …'.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty, parts[1].utf8.count <= maximumTokenLength else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "The Authorization header must be 'Bearer <token>'.")
        }
        return String(parts[1])
    }

    private static func refused(_ detail: String) -> Problem {
        Problem(.unauthorized, code: "unauthenticated", detail: detail)
    }
}

import Foundation
import HTTPTypes
import MS5Domain
import MS5Identity
import MS5Storage

/// Signs in the bearer of an access token of the configured OpenID provider: verifies it with the
/// provider's keys, maps its claims to an ms5 role, and makes or updates the account on the spot.
struct OIDCBearerAuthenticator: Sendable {
    let settings: OIDCSettings
    let verifier: OIDCTokenVerifier
    let mapping: ClaimMapping
    let users: UserRepository
    let sites: SiteAccessStore

    /// Builds the authenticator for `settings`, checking tokens with `verifier`.
    init(settings: OIDCSettings, verifier: OIDCTokenVerifier, users: UserRepository, sites: SiteAccessStore) {
        self.settings = settings
        self.verifier = verifier
        self.sites = sites
        self.mapping = ClaimMapping(
            rolesClaimPath: settings.rolesClaim, roleNamesByClaimValue: settings.roleMap.mapValues(\.rawValue),
            sitesClaimPath: settings.sitesClaim, usernameClaim: settings.usernameClaim)
        self.users = users
    }

    /// Whether `token` claims to come from this provider (unverified: only to pick the path).
    func claimsIssuer(of token: String) -> Bool {
        (try? CompactJWT(parsing: token))?.claims.issuer == verifier.issuer
    }

    /// The account of a verified token: 401 when the token is refused, 403 when its user has no
    /// mapped role, 409 when its username belongs to a local account.
    func signedIn(bearing token: String) async throws -> SignedIn {
        let claims: JWTClaims
        do {
            claims = try await verifier.verify(token)
        } catch is JWTError {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "The identity provider's token is invalid or expired; sign in again.")
        }
        return SignedIn(user: try await account(for: claims), sessionId: nil)
    }

    /// The ms5 account of verified provider claims, made or updated with its role and, when a
    /// sites claim is configured, its sites: 403 when no role or no known site maps, 409 when the
    /// username belongs to a local account.
    func account(for claims: JWTClaims) async throws -> User {
        let identity = try mapping.map(claims)
        guard let role = Role.allCases.first(where: { identity.roleNames.contains($0.rawValue) }) else {
            throw Problem(.forbidden, code: "forbidden", detail: "Your account at the identity provider has no role in ms5; ask an administrator.")
        }
        let user = try await users.upsertExternal(
            issuer: verifier.issuer, subject: identity.subject, username: identity.username, displayName: identity.username, role: role)
        guard !user.disabled else { throw Problem(.forbidden, code: "forbidden", detail: "The account is disabled.") }
        if settings.sitesClaim != nil, try await sites.setSites(codes: identity.siteCodes, of: user.id).isEmpty {
            throw Problem(.forbidden, code: "forbidden", detail: "Your account at the identity provider names no site of this plant; ask an administrator.")
        }
        return user
    }
}

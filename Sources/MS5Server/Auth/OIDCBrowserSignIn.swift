import Foundation
import HTTPTypes
import MS5Domain
import MS5Identity
import MS5Storage

/// Signing in through the OpenID provider's own pages: the authorization code flow with state,
/// nonce and PKCE (kept server-side for 10 minutes), ending in a one-time code (1 minute) that
/// the floor app swaps for an ms5 session.
struct OIDCBrowserSignIn: Sendable {
    let provider: OIDCBearerAuthenticator
    let clientID: String
    let redirectURI: URL
    let exchange: TokenExchange
    let store: OIDCSignInStore
    let sessions: SessionService

    /// How long a started sign-in waits for the browser to come back.
    static let attemptLifetime: TimeInterval = 600
    /// How long the floor app has to swap the one-time code.
    static let handoffLifetime: TimeInterval = 60

    /// The flow for `settings` (which must name a redirect URI), with the provider's `provider`.
    init(settings: OIDCSettings, redirectURI: URL, provider: OIDCBearerAuthenticator, store: OIDCSignInStore, sessions: SessionService) {
        self.provider = provider
        self.clientID = settings.audience
        self.redirectURI = redirectURI
        self.exchange = TokenExchange(
            clientID: settings.audience, clientSecret: settings.clientSecret, redirectURI: redirectURI,
            fetcher: URLSessionFetcher(), verifier: provider.verifier)
        self.store = store
        self.sessions = sessions
    }

    /// Starts a sign-in: answers the provider's authorize URL to send the browser to.
    func start() async throws -> URL {
        let request = AuthorizationRequest(clientID: clientID, redirectURI: redirectURI)
        try await store.saveAttempt(
            state: request.state, nonce: request.nonce, codeVerifier: request.pkce.verifier,
            expiresAt: sessions.policy.now().addingTimeInterval(Self.attemptLifetime))
        return request.url(for: try await provider.verifier.discoveryDocument())
    }

    /// Finishes a sign-in the provider sent back: exchanges `code` (with the verifier kept for
    /// `state`), checks the ID token and its nonce, makes or updates the account, and answers the
    /// one-time code for the floor app.
    func finish(code: String, state: String) async throws -> String {
        guard let attempt = try await store.takeAttempt(state: state, at: sessions.policy.now()) else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "This sign-in is unknown, used or older than 10 minutes; start again.")
        }
        let idToken: VerifiedIDToken
        do {
            idToken = try await exchange.exchange(code: code, codeVerifier: attempt.codeVerifier, expectedNonce: attempt.nonce)
        } catch {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "The identity provider did not confirm the sign-in; start again.")
        }
        let user = try await provider.account(for: idToken.claims)
        let handoff = OpaqueToken.generate()
        try await store.saveHandoff(
            codeHash: handoff.hash, userId: user.id, expiresAt: sessions.policy.now().addingTimeInterval(Self.handoffLifetime))
        return handoff.value
    }

    /// Swaps a one-time code for the tokens of a new session.
    func session(forHandoff code: String) async throws -> LoginResponse {
        guard let userId = try await store.takeHandoff(codeHash: OpaqueToken.hash(of: code), at: sessions.policy.now()) else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "The sign-in code is unknown, used or expired; sign in again.")
        }
        return try await sessions.start(for: try await provider.users.get(userId))
    }
}

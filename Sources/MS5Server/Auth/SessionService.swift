import Foundation
import HTTPTypes
import MS5Domain
import MS5Identity
import MS5Storage

/// Sign-in sessions: starts one with its first tokens, exchanges a refresh token for new ones
/// (rotation with reuse detection, RFC 9700 §4.14.2), and ends sessions.
struct SessionService: Sendable {
    let sessions: SessionRepository
    let keys: AccessTokenKeys
    let cache: SessionCache
    let policy: SessionPolicy

    /// Why a session was revoked, as the database records it.
    enum EndReason: String {
        case signedOut = "signed-out"
        case passwordChanged = "password-changed"
        case refreshTokenReused = "refresh-token-reused"
        case inactive
        case deviceRevoked = "device-revoked"
    }

    /// Starts a session for `user` and answers its first access and refresh tokens; `deviceId`
    /// names the shared tablet of a badge sign-in, recorded with the session.
    func start(for user: User, deviceId: UUID? = nil) async throws -> LoginResponse {
        let now = policy.now()
        let refreshToken = OpaqueToken.generate()
        let expiresAt = now.addingTimeInterval(policy.sessionLifetime.seconds)
        let id = try await sessions.start(
            userId: user.id, refreshTokenHash: refreshToken.hash, now: now, expiresAt: expiresAt, deviceId: deviceId)
        return try await tokens(for: user, session: id, refreshToken: refreshToken, refreshExpiresAt: expiresAt, now: now)
    }

    /// Exchanges a refresh token for new tokens of the same session. A token used before revokes
    /// its whole session; so does a refresh after ``SessionPolicy/inactivityTimeout`` without use.
    func refresh(_ presented: String) async throws -> LoginResponse {
        let now = policy.now()
        let hash = OpaqueToken.hash(of: presented)
        guard let stored = try await sessions.refreshToken(hash: hash) else {
            throw Self.refused("The refresh token is unknown; sign in again.")
        }
        let state: RefreshTokenState = switch (stored.revokedAt, stored.state) {
        case (.some, _): .familyRevoked
        case (nil, .rotated): .rotated
        case (nil, .active): .active
        }
        switch RefreshTokenFamilyRule.decide(state: state, expiresAt: stored.expiresAt, now: now) {
        case .refuse(.expired):
            throw Self.refused("The session has expired; sign in again.")
        case .refuse:
            throw Self.refused("The session was ended; sign in again.")
        case .revokeFamilyForReuse:
            try await end(stored.sessionId, reason: .refreshTokenReused)
            throw Self.refused("The refresh token was already used, so the session is ended; sign in again.")
        case .rotate:
            if policy.isInactive(lastSeenAt: stored.lastSeenAt, at: now) {
                try await end(stored.sessionId, reason: .inactive)
                throw Self.refused("The session was unused for too long and is ended; sign in again.")
            }
            guard let live = try await sessions.live(stored.sessionId, at: now) else {
                throw Self.refused("The account is disabled; sign in again.")
            }
            let next = OpaqueToken.generate()
            guard try await sessions.rotate(hash, to: next.hash, sessionId: stored.sessionId, now: now) else {
                // Another request rotated the same token first: the token was used twice.
                try await end(stored.sessionId, reason: .refreshTokenReused)
                throw Self.refused("The refresh token was already used, so the session is ended; sign in again.")
            }
            return try await tokens(for: live.user, session: stored.sessionId, refreshToken: next, refreshExpiresAt: stored.expiresAt, now: now)
        }
    }

    /// Revokes one session: its access tokens stop working within the cache lifetime on other
    /// instances and at once on this one.
    func end(_ id: UUID, reason: EndReason) async throws {
        try await sessions.revoke(id, reason: reason.rawValue, at: policy.now())
        cache.forget(session: id)
    }

    /// Revokes every session of an account.
    func endAll(of userId: UUID, reason: EndReason) async throws {
        try await sessions.revokeAll(userId: userId, reason: reason.rawValue, at: policy.now())
        cache.forget(userId: userId)
    }

    /// Revokes every session started on the device `deviceId`.
    func endAll(onDevice deviceId: UUID, reason: EndReason) async throws {
        for id in try await sessions.revokeAll(deviceId: deviceId, reason: reason.rawValue, at: policy.now()) {
            cache.forget(session: id)
        }
    }

    private func tokens(
        for user: User, session: UUID, refreshToken: OpaqueToken, refreshExpiresAt: Date, now: Date
    ) async throws -> LoginResponse {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = issuedAt.addingTimeInterval(policy.accessTokenLifetime.seconds)
        let claims = AccessTokenClaims(
            subject: user.id.uuidString, sessionID: session.uuidString, roles: [user.role.rawValue],
            issuedAt: issuedAt, expiresAt: expiresAt, tokenID: UUID().uuidString)
        return LoginResponse(
            token: try await keys.signer().sign(claims), tokenType: "Bearer", expiresAt: expiresAt,
            refreshToken: refreshToken.value, refreshExpiresAt: refreshExpiresAt, user: user)
    }

    private static func refused(_ detail: String) -> Problem {
        Problem(.unauthorized, code: "unauthenticated", detail: detail)
    }
}

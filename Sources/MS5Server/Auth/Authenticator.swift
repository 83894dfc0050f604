import Hummingbird
import MS5Domain
import MS5Storage

/// Finds the account behind a request's `Authorization: Bearer` header.
struct Authenticator: Sendable {
    let tokens: TokenRepository
    let cache: TokenCache

    /// The signed-in account, or a 401 problem when the header is missing or the token is not live.
    func user(for request: Request) async throws -> User {
        try await user(bearing: try Self.token(of: request))
    }

    /// The account `token` signs in, or a 401 problem when the token is not live.
    func user(bearing token: BearerToken) async throws -> User {
        let hash = token.hash
        if let user = cache.user(for: hash) { return user }
        guard let (user, expiresAt) = try await tokens.owner(tokenHash: hash) else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "The token is unknown, expired or revoked; sign in again.")
        }
        cache.remember(user, for: hash, expiresAt: expiresAt)
        return user
    }

    /// The bearer token the request carries, or a 401 problem.
    static func token(of request: Request) throws -> BearerToken {
        guard let header = request.headers[.authorization] else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "Sign in and send the token as 'Authorization: Bearer …'.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty, parts[1].utf8.count <= 128 else {
            throw Problem(.unauthorized, code: "unauthenticated", detail: "The Authorization header must be 'Bearer <token>'.")
        }
        return BearerToken(value: String(parts[1]))
    }
}

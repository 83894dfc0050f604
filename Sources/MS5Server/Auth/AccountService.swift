import Foundation
import Hummingbird
import MS5Domain
import MS5Storage

/// Accounts and sign-in: what both the HTTP API and `ms5 user` use, so that passwords are
/// hashed, checked and changed in one place.
public struct AccountService: Sendable {
    let users: UserRepository
    let tokens: TokenRepository
    let hasher: PasswordHasher
    let tokenLifetime: Duration
    let cache: TokenCache

    /// Creates the service over `database`, hashing with bcrypt at `bcryptCost` and issuing tokens
    /// that live for `tokenLifetime`.
    public init(database: Database, bcryptCost: Int, tokenLifetime: Duration) {
        self.init(database: database, bcryptCost: bcryptCost, tokenLifetime: tokenLifetime, cache: TokenCache())
    }

    init(database: Database, bcryptCost: Int, tokenLifetime: Duration, cache: TokenCache) {
        self.users = UserRepository(database: database)
        self.tokens = TokenRepository(database: database)
        self.hasher = PasswordHasher(cost: UInt8(clamping: bcryptCost))
        self.tokenLifetime = tokenLifetime
        self.cache = cache
    }

    /// Creates an account; with `temporary`, the first sign-in must change the password.
    public func create(_ input: UserInput, temporary: Bool) async throws -> User {
        try input.validate()
        return try await users.create(input, passwordHash: try await hasher.hash(input.password), mustChangePassword: temporary)
    }

    /// Sets a new password for `username` and revokes every token of the account.
    public func resetPassword(username: String, to password: String, temporary: Bool) async throws -> User {
        let problems = PasswordPolicy.standard.problems(password, username: username)
        if !problems.isEmpty {
            throw DomainError.invalid(problems.map { FieldViolation(field: "/password", reason: $0) })
        }
        let user = try await users.setPassword(
            username: username, passwordHash: try await hasher.hash(password), mustChangePassword: temporary)
        try await tokens.revokeAll(userId: user.id)
        cache.forget(userId: user.id)
        return user
    }

    /// Every account, page by page.
    public func list(_ page: PageRequest) async throws -> Page<User> {
        try await users.list(page)
    }

    /// Checks the password and issues a token. Unknown accounts cost as much time as wrong passwords.
    func signIn(username: String, password: String) async throws -> LoginResponse {
        let refused = Problem(.unauthorized, code: "unauthenticated", detail: "The username or password is wrong.")
        guard let (user, hash) = try await users.credentials(username: username) else {
            _ = try await hasher.hash(password)
            throw refused
        }
        guard try await hasher.verify(password, against: hash), !user.disabled else { throw refused }
        let token = BearerToken.generate()
        let expiresAt = Date().addingTimeInterval(tokenLifetime.seconds)
        try await tokens.issue(tokenHash: token.hash, userId: user.id, expiresAt: expiresAt)
        return LoginResponse(token: token.value, tokenType: "Bearer", expiresAt: expiresAt, user: user)
    }

    /// Revokes the token the request carries.
    func signOut(request: Request) async throws {
        let hash = try Authenticator.token(of: request).hash
        try await tokens.revoke(tokenHash: hash)
        cache.forget(tokenHash: hash)
    }

    /// Changes the signed-in user's own password after checking the current one.
    func changePassword(of user: User, _ change: PasswordChange) async throws -> User {
        guard let (_, hash) = try await users.credentials(username: user.username),
              try await hasher.verify(change.currentPassword, against: hash)
        else {
            throw DomainError.invalid([FieldViolation(field: "/currentPassword", reason: "is not the current password")])
        }
        guard change.newPassword != change.currentPassword else {
            throw DomainError.invalid([FieldViolation(field: "/newPassword", reason: "must differ from the current password")])
        }
        return try await resetPassword(username: user.username, to: change.newPassword, temporary: false)
    }
}

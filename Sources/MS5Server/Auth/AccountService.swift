import Foundation
import HTTPTypes
import MS5Domain
import MS5Identity
import MS5Storage

/// Accounts and sign-in: what both the HTTP API and `ms5 user` use, so that passwords are
/// hashed, checked and changed in one place.
public struct AccountService: Sendable {
    let users: UserRepository
    let hasher: PasswordHasher
    let sessions: SessionService
    let secondFactor: TOTPService
    let signInGuard: SignInGuard
    /// The badges, whose PIN lockout an unlock lifts too.
    let badges: BadgeStore
    /// How long an account stays locked after ``failedSignInLimit`` wrong passwords in a row.
    let lockout: Duration
    /// How long a password lasts before the next sign-in must change it; nil: for ever.
    let passwordMaxAge: Duration?

    /// Wrong passwords in a row that lock an account.
    static let failedSignInLimit = 5
    /// How many of an account's last passwords a new one may not repeat.
    static let passwordHistory = 5

    /// Creates the service over `database`, hashing with bcrypt at `bcryptCost` and locking an
    /// account for `lockout` after five wrong passwords (for `ms5 user`: it starts no sessions).
    public init(database: Database, bcryptCost: Int, lockout: Duration = .seconds(15 * 60)) {
        let cache = SessionCache()
        let sessions = SessionService(
            sessions: SessionRepository(database: database), keys: AccessTokenKeys(database: database), cache: cache,
            policy: SessionPolicy())
        let secondFactor = TOTPService(store: TOTPStore(database: database), cache: cache, now: sessions.policy.now)
        self.init(database: database, bcryptCost: bcryptCost, lockout: lockout, sessions: sessions, secondFactor: secondFactor)
    }

    /// Creates the service the server uses, ending sessions through `sessions` (whose policy's
    /// clock it tells the time by) and checking second factors with `secondFactor`.
    init(
        database: Database, bcryptCost: Int, lockout: Duration, passwordMaxAge: Duration? = nil, sessions: SessionService,
        secondFactor: TOTPService
    ) {
        self.users = UserRepository(database: database)
        self.hasher = PasswordHasher(cost: UInt8(clamping: bcryptCost))
        self.sessions = sessions
        self.secondFactor = secondFactor
        self.signInGuard = SignInGuard(database: database)
        self.badges = BadgeStore(database: database)
        self.lockout = lockout
        self.passwordMaxAge = passwordMaxAge
    }

    /// Creates an account; with `temporary`, the first sign-in must change the password.
    public func create(_ input: UserInput, temporary: Bool) async throws -> User {
        try input.validate()
        try Self.refuseCommon(input.password)
        let hash = try await hasher.hash(input.password)
        let user = try await users.create(input, passwordHash: hash, mustChangePassword: temporary)
        try await signInGuard.rememberPassword(hash, of: user.id, keep: Self.passwordHistory, at: sessions.policy.now())
        return user
    }

    /// Sets a new password for `username`, unlocks the account and ends every session of it.
    public func resetPassword(username: String, to password: String, temporary: Bool) async throws -> User {
        let problems = PasswordPolicy.standard.problems(password, username: username)
        if !problems.isEmpty {
            throw DomainError.invalid(problems.map { FieldViolation(field: "/password", reason: $0) })
        }
        try Self.refuseCommon(password)
        guard let (current, _) = try await users.credentials(username: username) else {
            throw DomainError(.notFound, "No account named '\(username)' exists.")
        }
        for earlier in try await signInGuard.recentPasswordHashes(of: current.id, count: Self.passwordHistory)
        where try await hasher.verify(password, against: earlier) {
            throw DomainError.invalid([FieldViolation(field: "/password", reason: "must not be one of the account's last \(Self.passwordHistory) passwords")])
        }
        let hash = try await hasher.hash(password)
        let user = try await users.setPassword(username: username, passwordHash: hash, mustChangePassword: temporary)
        try await signInGuard.rememberPassword(hash, of: user.id, keep: Self.passwordHistory, at: sessions.policy.now())
        try await signInGuard.clear(user.id)
        try await sessions.endAll(of: user.id, reason: .passwordChanged)
        return user
    }

    /// Lifts a lockout before its time runs out: the password's and the badge PIN's.
    public func unlock(_ userId: UUID) async throws {
        try await signInGuard.clear(userId)
        try await badges.clear(userId)
    }

    private static func refuseCommon(_ password: String) throws {
        if CommonPasswords.contains(password) {
            throw DomainError.invalid([FieldViolation(field: "/password", reason: "is one of the 10,000 most common passwords")])
        }
    }

    /// Every account, page by page.
    public func list(_ page: PageRequest) async throws -> Page<User> {
        try await users.list(page)
    }

    /// Checks the password and, for an account with TOTP, the code (`totp`), and answers the
    /// account. Unknown accounts cost as much time as wrong passwords; five wrong passwords or
    /// codes in a row lock the account for ``lockout``.
    func signIn(username: String, password: String, totp: String?) async throws -> User {
        let refused = Problem(.unauthorized, code: "unauthenticated", detail: "The username or password is wrong.")
        guard let (user, hash) = try await users.credentials(username: username), !user.external else {
            _ = try await hasher.hash(password)
            throw refused
        }
        let now = sessions.policy.now()
        if let until = try await signInGuard.standing(of: user.id).lockedUntil, until > now {
            throw Self.locked(until: until)
        }
        guard try await hasher.verify(password, against: hash) else {
            try await recordFailure(of: user.id, now: now)
            throw refused
        }
        guard !user.disabled else { throw refused }
        switch try await secondFactor.check(user, code: totp) {
        case .notEnrolled, .passed:
            break
        case .missing:
            throw Problem(.unauthorized, code: "totp-required", detail: "Send the code of your authenticator app, or a recovery code, as 'totp'.")
        case .wrong:
            try await recordFailure(of: user.id, now: now)
            throw Problem(.unauthorized, code: "totp-invalid", detail: "The code is wrong or was used already; wait for the next one.")
        }
        try await signInGuard.clear(user.id)
        return try await expiringPassword(of: user, now: now)
    }

    /// The account, marked to change its password first when ``passwordMaxAge`` has passed since
    /// the password was set.
    private func expiringPassword(of user: User, now: Date) async throws -> User {
        guard let passwordMaxAge, !user.mustChangePassword else { return user }
        let setAt = try await signInGuard.passwordSetAt(of: user.id) ?? user.createdAt
        guard setAt.addingTimeInterval(passwordMaxAge.seconds) <= now else { return user }
        return try await users.requirePasswordChange(user.id)
    }

    /// Checks that the signed-in `user` is at the keyboard: their password and, with TOTP on,
    /// a code, as for signing in; wrong ones count towards the lockout. Refuses with 403, which
    /// leaves the session as it is.
    func reauthenticate(_ user: User, password: String, totp: String?) async throws {
        guard !user.external, let (_, hash) = try await users.credentials(username: user.username) else {
            throw Problem(.forbidden, code: "no-local-password", detail: "Your account signs in through the identity provider and has no password here to sign with.")
        }
        let now = sessions.policy.now()
        if let until = try await signInGuard.standing(of: user.id).lockedUntil, until > now {
            throw Self.locked(until: until, status: .forbidden)
        }
        let refused = Problem(.forbidden, code: "signature-refused", detail: "The password or code is wrong; nothing was signed.")
        guard try await hasher.verify(password, against: hash) else {
            try await recordFailure(of: user.id, now: now, status: .forbidden)
            throw refused
        }
        switch try await secondFactor.check(user, code: totp) {
        case .notEnrolled, .passed:
            try await signInGuard.clear(user.id)
        case .missing:
            throw Problem(.forbidden, code: "totp-required", detail: "Send the code of your authenticator app, or a recovery code, as 'totp'.")
        case .wrong:
            try await recordFailure(of: user.id, now: now, status: .forbidden)
            throw refused
        }
    }

    /// Counts a wrong password or code, throwing the lockout when it is the last one allowed.
    private func recordFailure(of userId: UUID, now: Date, status: HTTPResponse.Status = .unauthorized) async throws {
        let standing = try await signInGuard.recordFailure(of: userId, limit: Self.failedSignInLimit, lockout: lockout, now: now)
        if let until = standing.lockedUntil { throw Self.locked(until: until, status: status) }
    }

    /// Checks that `password` is the account's current one, refusing it as field `field` (422).
    func requirePassword(_ password: String, of user: User, field: String) async throws {
        guard let (_, hash) = try await users.credentials(username: user.username), try await hasher.verify(password, against: hash) else {
            throw DomainError.invalid([FieldViolation(field: field, reason: "is not the current password")])
        }
    }

    private static func locked(until: Date, status: HTTPResponse.Status = .unauthorized) -> Problem {
        Problem(status, code: "account-locked", detail: """
            The account is locked after \(failedSignInLimit) wrong passwords in a row until \(until.formatted(.iso8601)); \
            an administrator can unlock it sooner.
            """)
    }

    /// Changes the signed-in user's own password after checking the current one.
    func changePassword(of user: User, _ change: PasswordChange) async throws -> User {
        try await requirePassword(change.currentPassword, of: user, field: "/currentPassword")
        guard change.newPassword != change.currentPassword else {
            throw DomainError.invalid([FieldViolation(field: "/newPassword", reason: "must differ from the current password")])
        }
        return try await resetPassword(username: user.username, to: change.newPassword, temporary: false)
    }
}

import Foundation
import HTTPTypes
import MS5Domain
import MS5Storage

/// Badges and PINs: setting them, and signing in with them on a registered tablet. PINs are
/// hashed like passwords; wrong PINs in a row lock the badge (apart from the account's password
/// lockout) until its time runs out or an administrator unlocks the account.
struct BadgeService: Sendable {
    let store: BadgeStore
    let users: UserRepository
    let hasher: PasswordHasher
    /// Wrong PINs in a row that lock a badge.
    let attemptLimit: Int
    /// How long a badge stays locked after ``attemptLimit`` wrong PINs in a row.
    let lockout: Duration
    /// The wall clock lockouts are timed by; tests move their own.
    let now: @Sendable () -> Date

    /// The badge of the account `userId`, or a 404 problem when it has none.
    func badge(of userId: UUID) async throws -> Badge {
        _ = try await users.get(userId)
        guard let badge = try await store.badge(of: userId) else { throw DomainError(.notFound, "The account \(userId) has no badge.") }
        return badge
    }

    /// Gives the account `userId` a badge number and PIN, replacing any it had.
    func set(_ input: BadgeInput, of userId: UUID) async throws -> Badge {
        try input.validate()
        return try await store.set(input.badge, pinHash: try await hasher.hash(input.pin), of: userId)
    }

    /// Changes the PIN of the account's badge.
    func changePIN(to pin: String, of userId: UUID) async throws -> Badge {
        let problems = PINPolicy.problems(pin)
        if !problems.isEmpty { throw DomainError.invalid(problems.map { FieldViolation(field: "/pin", reason: $0) }) }
        return try await store.setPIN(try await hasher.hash(pin), of: userId)
    }

    /// Takes the badge from the account `userId`.
    func remove(of userId: UUID) async throws {
        try await store.remove(of: userId)
    }

    /// Checks the PIN of the badge numbered `badge` and answers its account. Unknown badges cost
    /// as much time as wrong PINs; ``attemptLimit`` wrong PINs in a row lock the badge for
    /// ``lockout``. Disabled accounts are refused like wrong PINs.
    func signIn(badge: String, pin: String) async throws -> User {
        let refused = Problem(.unauthorized, code: "unauthenticated", detail: "The badge number or PIN is wrong.")
        guard badge.count <= 64, pin.count <= PINPolicy.maximumLength, let credentials = try await store.credentials(badge: badge) else {
            _ = try await hasher.hash(String(pin.prefix(PINPolicy.maximumLength)))
            throw refused
        }
        let now = now()
        if let until = credentials.lockedUntil, until > now { throw locked(until: until) }
        guard try await hasher.verify(pin, against: credentials.pinHash) else {
            if let until = try await store.recordFailure(of: credentials.userId, limit: attemptLimit, lockout: lockout, now: now) {
                throw locked(until: until)
            }
            throw refused
        }
        let user = try await users.get(credentials.userId)
        guard !user.disabled, !user.external else { throw refused }
        try await store.clear(user.id)
        return user
    }

    private func locked(until: Date) -> Problem {
        Problem(.unauthorized, code: "badge-locked", detail: """
            The badge is locked after \(attemptLimit) wrong PINs in a row until \(until.formatted(.iso8601)); \
            an administrator can unlock the account sooner.
            """)
    }
}

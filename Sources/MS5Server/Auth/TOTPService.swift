import Foundation
import HTTPTypes
import MS5Domain
import MS5Identity
import MS5Storage

/// The TOTP second factor (RFC 6238): enrolment, confirmation with one-time recovery codes,
/// removal, and the check at sign-in. A code's time step is accepted once only.
struct TOTPService: Sendable {
    let store: TOTPStore
    let cache: SessionCache
    let now: @Sendable () -> Date

    /// The issuer authenticator apps show next to the account.
    static let issuer = "MS5"
    /// How many recovery codes confirming an enrolment hands out.
    static let recoveryCodeCount = 10

    /// What the second factor of a sign-in came to.
    enum Check: Equatable {
        /// The account has no second factor.
        case notEnrolled
        /// A current code, or an unused recovery code (now used up).
        case passed
        /// The account has a second factor but no code was sent.
        case missing
        /// The code is wrong, or its time step (or the recovery code) was used before.
        case wrong
    }

    /// Starts an enrolment: a new secret, pending until a code of it is confirmed. Refused (409)
    /// while a confirmed factor exists.
    func enrol(_ user: User) async throws -> TOTPEnrolment {
        if try await store.factor(of: user.id)?.confirmed == true {
            throw Problem(.conflict, code: "totp-enabled", detail: "TOTP is already on for this account; turn it off first (DELETE /v1/auth/totp).")
        }
        let secret = TOTP.generateSecret()
        try await store.startEnrolment(of: user.id, secret: secret, now: now())
        return TOTPEnrolment(
            secret: Base32.encode(secret),
            otpauthURI: TOTP(secret: secret).provisioningURI(issuer: Self.issuer, account: user.username))
    }

    /// Confirms the pending enrolment with a current code; answers the recovery codes, shown once.
    func confirm(_ user: User, code: String) async throws -> RecoveryCodeList {
        guard let factor = try await store.factor(of: user.id), !factor.confirmed else {
            throw Problem(.conflict, code: "no-pending-enrolment", detail: "Start an enrolment first (POST /v1/auth/totp/enrolment).")
        }
        guard Self.isTOTPCode(code), let step = TOTP(secret: factor.secret).verify(code, at: now()) else {
            throw DomainError.invalid([FieldViolation(field: "/code", reason: "is not the current code of the authenticator")])
        }
        let codes = RecoveryCodes.generate(count: Self.recoveryCodeCount)
        try await store.confirm(user.id, step: step, recoveryCodeHashes: codes.map(\.hash), now: now())
        cache.forget(userId: user.id)
        return RecoveryCodeList(recoveryCodes: codes.map(\.code))
    }

    /// Removes the second factor and its recovery codes.
    func remove(_ user: User) async throws {
        try await store.remove(user.id)
        cache.forget(userId: user.id)
    }

    /// Checks the second factor of a sign-in whose password was right: a 6-digit code of a time
    /// step later than the last one used, or an unused recovery code, which is used up.
    func check(_ user: User, code: String?) async throws -> Check {
        guard let factor = try await store.factor(of: user.id), factor.confirmed else { return .notEnrolled }
        guard let code, !code.isEmpty else { return .missing }
        if Self.isTOTPCode(code) {
            guard let step = TOTP(secret: factor.secret).verify(code, at: now()), step > factor.lastStep else { return .wrong }
            return try await store.useStep(step, of: user.id) ? .passed : .wrong
        }
        guard let hash = RecoveryCodes.match(code, against: try await store.recoveryCodeHashes(of: user.id)) else { return .wrong }
        return try await store.useRecoveryCode(hash: hash, of: user.id) ? .passed : .wrong
    }

    /// Whether `code` has the form of a TOTP code: six digits.
    private static func isTOTPCode(_ code: String) -> Bool {
        code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

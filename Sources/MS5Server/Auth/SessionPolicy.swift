import Foundation
import MS5Domain

/// How long sign-in sessions and their tokens last, and the clock they are timed by.
struct SessionPolicy: Sendable {
    /// How long an access token (the JWT sent as `Authorization: Bearer …`) is accepted.
    var accessTokenLifetime: Duration = .seconds(15 * 60)
    /// How long a session lasts from sign-in, however active: then its refresh tokens end.
    var sessionLifetime: Duration = .seconds(12 * 3600)
    /// How long a session may go unused before a refresh is refused and the session revoked.
    var inactivityTimeout: Duration = .seconds(30 * 60)
    /// How stale a session's last-seen time may get before a request writes it again.
    var lastSeenGranularity: Duration = .seconds(60)
    /// The wall clock; tests move their own.
    var now: @Sendable () -> Date = { Date() }

    /// Whether a session last used at `lastSeenAt` has been idle too long at `now`.
    func isInactive(lastSeenAt: Date, at now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) > inactivityTimeout.seconds
    }
}

import Foundation

/// An account's TOTP second factor as stored.
public struct StoredTOTPFactor: Sendable, Equatable {
    /// The shared secret.
    public let secret: Data
    /// False while the enrolment waits for its first code.
    public let confirmed: Bool
    /// The time step of the last code accepted; a code must be of a later step.
    public let lastStep: Int64
}

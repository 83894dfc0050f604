import Foundation
import MS5Domain

/// Who a request's bearer token signs in, and through which of ms5's sessions.
struct SignedIn: Sendable {
    let user: User
    /// The session of an access token of ms5's own; nil for a token of an external provider.
    let sessionId: UUID?
}

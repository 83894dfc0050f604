/// Why the server ends a session, with the WebSocket close code it sends.
struct CloseReason: Sendable, Equatable {
    let code: UInt16
    let reason: String

    /// The client's queue overflowed.
    static let tooSlow = CloseReason(code: 4008, reason: "too slow")
    /// The client sent nothing within the heartbeat timeout.
    static let heartbeatTimeout = CloseReason(code: 4001, reason: "heartbeat timeout")
    /// The sign-in the connection was opened with ended: signed out, revoked, disabled or expired.
    static let sessionEnded = CloseReason(code: 4401, reason: "session ended")
    /// The client left by itself; nothing is sent.
    static let clientGone = CloseReason(code: 1000, reason: "client gone")
}

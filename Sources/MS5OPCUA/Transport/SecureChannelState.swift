import NIOCore

/// States of the client side of a UA TCP connection carrying one secure channel (Part 6, 6.7 and 7.1).
///
/// `connected` → Hello sent → `awaitingAcknowledge` → Acknowledge → `acknowledged` →
/// OpenSecureChannel response → `open` (again on every renewal) → `closed` on CloseSecureChannel,
/// an Error message, a protocol violation or loss of the connection.
enum SecureChannelState {
    /// TCP is connected; nothing has been sent.
    case connected
    /// Hello was sent; the promise receives the Acknowledge.
    case awaitingAcknowledge(EventLoopPromise<AcknowledgeMessage>)
    /// Buffer sizes are negotiated; only OpenSecureChannel may be sent.
    case acknowledged
    /// A security token is active; service requests may be sent.
    case open(channelID: UInt32, tokenID: UInt32)
    /// The connection is unusable; every request fails with the error.
    case closed(OPCUAError)
}

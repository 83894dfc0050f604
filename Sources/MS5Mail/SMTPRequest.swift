import NIOCore

/// What ``NIOSMTPTransport`` writes into the channel: bytes to send (none for the greeting) and the
/// promise for the reply that answers them.
struct SMTPRequest: Sendable {
    var bytes: ByteBuffer?
    var reply: EventLoopPromise<SMTPReply>
}

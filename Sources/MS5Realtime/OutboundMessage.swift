import NIOCore

/// A server → client message, encoded once and shared by every client that receives it.
struct OutboundMessage: Sendable {
    /// The JSON text of the message.
    let text: ByteBuffer
    /// The coalescing key of an event message.
    let key: String?
}

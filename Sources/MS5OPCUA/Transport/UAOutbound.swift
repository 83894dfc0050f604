import NIOCore

/// Commands the client writes into the channel pipeline for ``SecureChannelHandler``.
enum UAOutbound: Sendable {
    /// Send Hello and complete the promise with the server's Acknowledge.
    case hello(HelloMessage, EventLoopPromise<AcknowledgeMessage>)
    /// Send a service request body (encoding id + parameters) as one or more chunks of `type`.
    /// The promise receives the reassembled response body, or nothing for CloseSecureChannel.
    case request(type: UAMessageType, body: ByteBuffer, timeout: TimeAmount, promise: EventLoopPromise<ByteBuffer>?)
    /// Use this channel id and security token for all following messages.
    case activateToken(channelID: UInt32, tokenID: UInt32)
}

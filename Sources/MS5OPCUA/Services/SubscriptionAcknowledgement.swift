/// Confirms receipt of a notification message so the server can drop it (Part 4, 5.13.5).
public struct SubscriptionAcknowledgement: Sendable, Hashable, UABinaryEncodable {
    /// The subscription the message belongs to.
    public var subscriptionID: UInt32
    /// The acknowledged notification message sequence number.
    public var sequenceNumber: UInt32

    /// Creates an acknowledgement.
    public init(subscriptionID: UInt32, sequenceNumber: UInt32) {
        self.subscriptionID = subscriptionID
        self.sequenceNumber = sequenceNumber
    }

    public func encode(to writer: inout UABinaryWriter) {
        writer.write(subscriptionID)
        writer.write(sequenceNumber)
    }
}

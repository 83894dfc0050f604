/// Where the brokers stored a produced message.
public struct KafkaDelivery: Sendable, Hashable {
    /// The topic written to.
    public var topic: String
    /// The partition the message went to.
    public var partition: Int32
    /// The message's offset in the partition, or `nil` when the broker's answer did not carry it
    /// (librdkafka reports no offset for some messages an idempotent producer had to retry).
    public var offset: Int64?

    /// A delivery to `partition` of `topic` at `offset`.
    public init(topic: String, partition: Int32, offset: Int64?) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}

/// The outcome of producing one message: where it was stored, or why it was not.
public typealias KafkaDeliveryOutcome = Result<KafkaDelivery, KafkaError>

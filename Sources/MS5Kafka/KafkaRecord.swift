import Foundation

/// A message read by a ``KafkaConsumer``.
public struct KafkaRecord: Sendable, Hashable {
    /// The topic it was read from.
    public var topic: String
    /// Its partition.
    public var partition: Int32
    /// Its offset in the partition.
    public var offset: Int64
    /// Its key, `nil` when it has none.
    public var key: [UInt8]?
    /// Its value; empty for a null value.
    public var value: [UInt8]
    /// Its headers, in order.
    public var headers: [KafkaHeader]
    /// The record's timestamp (creation or log-append time, as the topic is configured), if any.
    public var timestamp: Date?

    /// A record with the given fields.
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader],
        timestamp: Date?
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }
}

/// A message to produce.
public struct KafkaMessage: Sendable, Hashable {
    /// The topic to write to.
    public var topic: String
    /// The key, which picks the partition (equal keys go to one partition, in order); `nil` for
    /// no key, which spreads messages over the partitions.
    public var key: [UInt8]?
    /// The value (payload).
    public var value: [UInt8]
    /// The headers, in order; names may repeat.
    public var headers: [KafkaHeader]

    /// A message for `topic`.
    public init(topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
    }
}

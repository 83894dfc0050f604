internal import CRdKafka

/// A Kafka consumer in a consumer group that commits only what it is told to.
///
/// Offsets are never committed automatically (`enable.auto.commit=false`): commit a record with
/// ``commit(_:)`` once it is handled, and a consumer that takes over its partition after a crash
/// or a rebalance starts right after it. Partitions are assigned by the group.
///
/// Every librdkafka call runs on the consumer's own thread, one after another, so waiting in
/// ``poll(timeout:)`` never blocks a Swift concurrency thread. Dropping the last reference without
/// closing closes the consumer in the background.
public final class KafkaConsumer: Sendable {
    /// Where a group with no committed offset for a partition starts reading.
    public enum OffsetReset: String, Sendable, Hashable {
        /// At the oldest record still kept.
        case earliest
        /// At the next record produced.
        case latest
        /// Nowhere: reading fails with an error.
        case error
    }

    private let client: ConsumerClient
    private let thread: JobThread

    /// Creates the consumer and subscribes it to `topics`.
    ///
    /// `group.id`, `auto.offset.reset` and `enable.auto.commit=false` are set after the
    /// configuration's extra properties, which cannot override them.
    /// - Parameters:
    ///   - configuration: the brokers and security (`acks` does not apply).
    ///   - groupID: the consumer group (`group.id`).
    ///   - topics: the topics to read.
    ///   - offsetReset: where to start without a committed offset (`auto.offset.reset`).
    /// - Throws: ``KafkaError`` naming a property librdkafka rejects, or why subscribing failed.
    public init(
        configuration: KafkaConfiguration,
        groupID: String,
        topics: [String],
        offsetReset: OffsetReset = .earliest
    ) throws {
        let properties = configuration.librdkafkaProperties(forProducer: false) + [
            ("group.id", groupID),
            ("auto.offset.reset", offsetReset.rawValue),
            ("enable.auto.commit", "false"),
        ]
        let handle = try RdKafkaHandle.make(RD_KAFKA_CONSUMER, properties: properties)
        rd_kafka_poll_set_consumer(handle.pointer)
        let list = rd_kafka_topic_partition_list_new(Int32(clamping: topics.count))
        for topic in topics {
            // -1 is RD_KAFKA_PARTITION_UA: the group assigns the partitions.
            rd_kafka_topic_partition_list_add(list, topic, -1)
        }
        let result = rd_kafka_subscribe(handle.pointer, list)
        rd_kafka_topic_partition_list_destroy(list)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            rd_kafka_destroy(handle.pointer)
            throw KafkaError(code: KafkaError.Code(result))
        }
        client = ConsumerClient(handle: handle)
        thread = JobThread(name: "ms5-kafka-consumer")
    }

    deinit {
        let client = client
        thread.submit { client.close() }
        thread.stop()
    }

    /// Waits up to `timeout` for the next record of the subscribed topics.
    ///
    /// Cancelling the task does not cut the wait short; keep `timeout` short for a prompt stop.
    /// - Returns: the record, or `nil` when none came in time.
    /// - Throws: ``KafkaError`` that librdkafka reported instead of a record. Most are
    ///   informational (the consumer recovers by itself); ``KafkaError/isFatal`` tells when the
    ///   consumer can no longer be used.
    public func poll(timeout: Duration = .seconds(1)) async throws -> KafkaRecord? {
        let client = client
        let milliseconds = timeout.clampedMilliseconds
        return try await thread.run { client.poll(timeout: milliseconds) }.get()
    }

    /// Commits `record` as handled: the group's next read of its partition starts at the offset
    /// after it. Returns once the broker has stored the commit.
    /// - Throws: ``KafkaError`` when the commit failed, for example after losing the partition.
    public func commit(_ record: KafkaRecord) async throws {
        let client = client
        let error = await thread.run {
            client.commit(topic: record.topic, partition: record.partition, offset: record.offset + 1)
        }
        if let error { throw error }
    }

    /// Leaves the consumer group and destroys the client. Calls after it fail with
    /// ``KafkaError/Code/destroyed``; closing again does nothing.
    public func close() async {
        let client = client
        await thread.run { client.close() }
    }
}

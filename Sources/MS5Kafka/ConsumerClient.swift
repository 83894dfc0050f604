internal import CRdKafka
import Synchronization

/// The blocking side of a ``KafkaConsumer``: librdkafka calls made on the consumer's job thread.
///
/// The handle is destroyed by ``close()`` on that thread; calls after it fail with
/// ``KafkaError/Code/destroyed`` instead of touching a freed handle.
final class ConsumerClient: Sendable {
    private let handle: Mutex<RdKafkaHandle?>

    /// Takes over `handle`, a consumer that is already subscribed.
    init(handle: RdKafkaHandle) {
        self.handle = Mutex(handle)
    }

    /// Waits up to `timeout` milliseconds for the next record.
    /// - Returns: the record, `nil` when none came in time, or the error librdkafka reported instead.
    func poll(timeout: Int32) -> Result<KafkaRecord?, KafkaError> {
        guard let handle = handle.withLock({ $0 }) else { return .failure(Self.closedError) }
        guard let message = rd_kafka_consumer_poll(handle.pointer, timeout) else { return .success(nil) }
        defer { rd_kafka_message_destroy(message) }
        guard message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let text = rd_kafka_message_errstr(message).map { String(cString: $0) }
            return .failure(KafkaError(code: KafkaError.Code(message.pointee.err), message: text))
        }
        return .success(KafkaRecord(message: message))
    }

    /// Commits `offset` (the next one to read) for `partition` of `topic` and waits for the broker.
    func commit(topic: String, partition: Int32, offset: Int64) -> KafkaError? {
        guard let handle = handle.withLock({ $0 }) else { return Self.closedError }
        guard let list = rd_kafka_topic_partition_list_new(1) else {
            return KafkaError(code: .invalidArgument, message: "librdkafka could not allocate a partition list")
        }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let entry = rd_kafka_topic_partition_list_add(list, topic, partition)
        entry?.pointee.offset = offset
        let result = rd_kafka_commit(handle.pointer, list, 0)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { return KafkaError(code: KafkaError.Code(result)) }
        if let partitionError = entry?.pointee.err, partitionError != RD_KAFKA_RESP_ERR_NO_ERROR {
            return KafkaError(code: KafkaError.Code(partitionError))
        }
        return nil
    }

    /// Leaves the group (`rd_kafka_consumer_close`) and destroys the handle; later calls do nothing.
    func close() {
        guard let handle = handle.withLock({ current -> RdKafkaHandle? in
            defer { current = nil }
            return current
        }) else { return }
        rd_kafka_consumer_close(handle.pointer)
        rd_kafka_destroy(handle.pointer)
    }

    /// The error of a call made after ``close()``.
    static let closedError = KafkaError(code: .destroyed, message: "the consumer is closed")
}

internal import CRdKafka
import Synchronization

/// librdkafka's in-process mock Kafka cluster, for tests: brokers on loopback ports that speak
/// enough of the protocol for producers (idempotent ones too) and consumer groups, and that can
/// be taken down or made to answer with errors.
///
/// The mock of librdkafka 2.0.2 does not hide aborted transactional records from consumers, so
/// it is no place to test transactions. ``destroy()`` (or dropping the last reference) stops it.
public final class KafkaMockCluster: Sendable {
    /// The Kafka protocol's API key of ProduceRequest (`RD_KAFKAP_Produce`).
    private static let produceAPIKey: Int16 = 0

    /// The mock cluster and the client handle it lives in.
    private struct Handles: @unchecked Sendable {
        let client: OpaquePointer
        let cluster: OpaquePointer
    }

    private let handles: Mutex<Handles?>

    /// The brokers' loopback addresses, as `host:port`, for ``KafkaConfiguration/bootstrapServers``.
    public let bootstrapServers: [String]

    /// Starts a cluster of `brokers` brokers (ids 1 to `brokers`).
    /// - Throws: ``KafkaError`` when librdkafka cannot create it.
    public init(brokers: Int32 = 3) throws {
        // The handle only hosts the cluster and never connects anywhere; log level 4 (warnings and
        // worse) keeps it from noting that it has no bootstrap servers.
        let client = try RdKafkaHandle.make(RD_KAFKA_PRODUCER, properties: [("log_level", "4")])
        guard brokers > 0, let cluster = rd_kafka_mock_cluster_new(client.pointer, brokers) else {
            rd_kafka_destroy(client.pointer)
            throw KafkaError(code: .invalidArgument, message: "librdkafka could not start a mock cluster of \(brokers) brokers")
        }
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
            .split(separator: ",").map(String.init)
        handles = Mutex(Handles(client: client.pointer, cluster: cluster))
    }

    deinit {
        destroy()
    }

    /// Creates `topic` with `partitions` partitions, each on `replicationFactor` brokers (topics a
    /// client writes to are otherwise created on first use, with 4 partitions).
    public func createTopic(_ topic: String, partitions: Int32, replicationFactor: Int32) throws {
        try check { rd_kafka_mock_topic_create($0, topic, partitions, replicationFactor) }
    }

    /// Makes broker `broker` the leader of `partition` of `topic` (leaders are otherwise picked at
    /// random among a partition's replicas).
    public func setPartitionLeader(topic: String, partition: Int32, broker: Int32) throws {
        try check { rd_kafka_mock_partition_set_leader($0, topic, partition, broker) }
    }

    /// Disconnects broker `id` and refuses new connections to it, without moving its partitions'
    /// leadership: clients wait (and retry) until it is up again.
    public func setBrokerDown(_ id: Int32) throws {
        try check { rd_kafka_mock_broker_set_down($0, id) }
    }

    /// Lets broker `id` accept connections again.
    public func setBrokerUp(_ id: Int32) throws {
        try check { rd_kafka_mock_broker_set_up($0, id) }
    }

    /// Makes the next ProduceRequests, on any broker and for any topic, fail with `errors`, one
    /// request per error, in order. `_TRANSPORT` makes the broker drop the connection instead.
    public func pushProduceErrors(_ errors: [KafkaError.Code]) {
        let codes = errors.map { rd_kafka_resp_err_t(rawValue: $0.rawValue) }
        withCluster { cluster in
            rd_kafka_mock_push_request_errors_array(cluster, Self.produceAPIKey, codes.count, codes)
        }
    }

    /// Stops the cluster and its host handle. Idempotent.
    public func destroy() {
        guard let current = handles.withLock({ current -> Handles? in
            defer { current = nil }
            return current
        }) else { return }
        rd_kafka_mock_cluster_destroy(current.cluster)
        rd_kafka_destroy(current.client)
    }

    private func withCluster(_ body: (OpaquePointer) -> Void) {
        handles.withLock { current in
            if let current { body(current.cluster) }
        }
    }

    private func check(_ body: (OpaquePointer) -> rd_kafka_resp_err_t) throws {
        let result = handles.withLock { current in
            current.map { body($0.cluster) } ?? RD_KAFKA_RESP_ERR__DESTROY
        }
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(code: KafkaError.Code(result)) }
    }
}

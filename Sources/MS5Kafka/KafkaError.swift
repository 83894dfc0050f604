internal import CRdKafka

/// A failure reported by librdkafka or by a Kafka broker.
///
/// `code` is librdkafka's `rd_kafka_resp_err_t`: negative codes are local to the client
/// (`RD_KAFKA_RESP_ERR__…`), positive ones are Kafka protocol errors returned by a broker.
public struct KafkaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An `rd_kafka_resp_err_t` value.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The raw `rd_kafka_resp_err_t` value.
        public let rawValue: Int32

        /// Wraps a raw `rd_kafka_resp_err_t` value.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        init(_ error: rd_kafka_resp_err_t) {
            self.init(rawValue: error.rawValue)
        }

        /// librdkafka's symbolic name of the code, such as `_MSG_TIMED_OUT` or `NOT_LEADER_FOR_PARTITION`.
        public var name: String {
            String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: rawValue)))
        }

        /// librdkafka's sentence for the code, such as `Local: Message timed out`.
        public var description: String {
            String(cString: rd_kafka_err2str(rd_kafka_resp_err_t(rawValue: rawValue)))
        }

        /// A bad configuration property or argument (`_INVALID_ARG`).
        public static let invalidArgument = Code(RD_KAFKA_RESP_ERR__INVALID_ARG)
        /// The client is closed or being closed (`_DESTROY`).
        public static let destroyed = Code(RD_KAFKA_RESP_ERR__DESTROY)
        /// The message was not delivered within `message.timeout.ms` (`_MSG_TIMED_OUT`).
        public static let messageTimedOut = Code(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        /// The producer's local queue is full (`_QUEUE_FULL`).
        public static let queueFull = Code(RD_KAFKA_RESP_ERR__QUEUE_FULL)
        /// A fatal error: the client can no longer be used (`_FATAL`).
        public static let fatal = Code(RD_KAFKA_RESP_ERR__FATAL)
        /// The broker is not the partition leader (`NOT_LEADER_FOR_PARTITION`, retriable).
        public static let notLeaderForPartition = Code(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
        /// The broker timed the request out (`REQUEST_TIMED_OUT`, retriable).
        public static let requestTimedOut = Code(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
        /// The broker found a record invalid (`INVALID_RECORD`, permanent).
        public static let invalidRecord = Code(RD_KAFKA_RESP_ERR_INVALID_RECORD)
        /// A subscribed topic does not exist (yet) on the brokers.
        public static let unknownTopicOrPartition = Code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
    }

    /// The librdkafka error code.
    public let code: Code
    /// A sentence describing this occurrence (more specific than the code's own description when
    /// librdkafka gave one, such as the property a configuration error is about).
    public let message: String
    /// Whether repeating the operation later may succeed.
    public let isRetriable: Bool
    /// Whether the client that reported the error can no longer be used.
    public let isFatal: Bool

    /// An error with `code`, its retriability taken from the Kafka protocol and librdkafka's
    /// transient local errors, fatal when the code is `_FATAL`.
    public init(code: Code, message: String? = nil) {
        self.code = code
        self.message = message ?? code.description
        self.isRetriable = Self.retriableCodes.contains(code.rawValue)
        self.isFatal = code == .fatal
    }

    /// Takes over an `rd_kafka_error_t`, reading its flags, and destroys it.
    init(consuming error: OpaquePointer) {
        code = Code(rd_kafka_error_code(error))
        message = String(cString: rd_kafka_error_string(error))
        isRetriable = rd_kafka_error_is_retriable(error) != 0
        isFatal = rd_kafka_error_is_fatal(error) != 0
        rd_kafka_error_destroy(error)
    }

    /// librdkafka's symbolic name of the code, such as `_MSG_TIMED_OUT`.
    public var name: String { code.name }

    /// The code's name and the message, e.g. `_MSG_TIMED_OUT (-192): Local: Message timed out`.
    public var description: String { "\(name) (\(code.rawValue)): \(message)" }

    /// The raw values of ``retriableErrors``.
    private static let retriableCodes: Set<Int32> = Set(retriableErrors.map(\.rawValue))

    /// Kafka protocol errors that the protocol marks retriable, and librdkafka's transient local errors.
    private static let retriableErrors: [rd_kafka_resp_err_t] = [
        RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__RESOLVE, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT,
        RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__QUEUE_FULL,
        RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE, RD_KAFKA_RESP_ERR__WAIT_COORD, RD_KAFKA_RESP_ERR__RETRY,
        RD_KAFKA_RESP_ERR__PURGE_QUEUE, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT,
        RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
        RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
        RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
        RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
        RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR, RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND,
        RD_KAFKA_RESP_ERR_INVALID_FETCH_SESSION_EPOCH, RD_KAFKA_RESP_ERR_LISTENER_NOT_FOUND,
        RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH, RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH,
        RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_PREFERRED_LEADER_NOT_AVAILABLE,
        RD_KAFKA_RESP_ERR_ELIGIBLE_LEADERS_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_UNSTABLE_OFFSET_COMMIT,
        RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED,
    ]
}

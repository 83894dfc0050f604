internal import CRdKafka

/// A librdkafka client handle (`rd_kafka_t *`).
///
/// librdkafka's handles are thread-safe, so the pointer may be used from any thread; the type
/// that made it destroys it exactly once, after every other use has ended.
struct RdKafkaHandle: @unchecked Sendable {
    /// The `rd_kafka_t *`.
    let pointer: OpaquePointer

    /// Builds a configuration from `properties` in order, lets `configure` add callbacks, and
    /// creates a client of `type` with it.
    /// - Throws: ``KafkaError`` with code ``KafkaError/Code/invalidArgument``, naming the property
    ///   when librdkafka rejects one (as given, even where librdkafka names the property it is an
    ///   alias of), or with librdkafka's reason when the client cannot be created.
    static func make(
        _ type: rd_kafka_type_t,
        properties: [(name: String, value: String)],
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws -> RdKafkaHandle {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(code: .invalidArgument, message: "librdkafka could not allocate a configuration")
        }
        var reason = [CChar](repeating: 0, count: 512)
        for (name, value) in properties {
            let result = rd_kafka_conf_set(conf, name, value, &reason, reason.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                let text = String(nulTerminated: reason)
                throw KafkaError(code: .invalidArgument, message: "configuration property \"\(name)\": \(text)")
            }
        }
        configure(conf)
        // rd_kafka_new owns the configuration only when it succeeds.
        guard let pointer = rd_kafka_new(type, conf, &reason, reason.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError(code: .invalidArgument, message: String(nulTerminated: reason))
        }
        return RdKafkaHandle(pointer: pointer)
    }
}

internal import CRdKafka

extension RdKafkaHandle {
    /// Hands `message` to librdkafka, which copies it, tagged with `id` for its delivery report.
    /// - Returns: librdkafka's reason when it did not take the message, such as a full queue.
    func produce(_ message: KafkaMessage, id: UInt) -> KafkaError? {
        let headers = Self.makeHeaders(message.headers)
        let refusal: OpaquePointer? = message.topic.withCString { topic in
            message.value.withUnsafeBytes { value in
                Self.withOptionalBytes(message.key) { key in
                    var fields = [
                        Self.field(RD_KAFKA_VTYPE_TOPIC) { $0.cstr = topic },
                        Self.field(RD_KAFKA_VTYPE_VALUE) {
                            $0.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                            $0.mem.size = value.count
                        },
                        Self.field(RD_KAFKA_VTYPE_MSGFLAGS) { $0.i = RD_KAFKA_MSG_F_COPY },
                        Self.field(RD_KAFKA_VTYPE_OPAQUE) { $0.ptr = UnsafeMutableRawPointer(bitPattern: id) },
                    ]
                    if let key {
                        fields.append(
                            Self.field(RD_KAFKA_VTYPE_KEY) {
                                $0.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                                $0.mem.size = key.count
                            })
                    }
                    if let headers {
                        fields.append(Self.field(RD_KAFKA_VTYPE_HEADERS) { $0.headers = headers })
                    }
                    return rd_kafka_produceva(pointer, fields, fields.count)
                }
            }
        }
        guard let refusal else { return nil }
        // The message owns the header list only when librdkafka took the message.
        if let headers { rd_kafka_headers_destroy(headers) }
        return KafkaError(consuming: refusal)
    }

    /// A new librdkafka header list holding copies of `headers`, or `nil` for none.
    private static func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
        guard !headers.isEmpty, let list = rd_kafka_headers_new(headers.count) else { return nil }
        for header in headers {
            header.value.withUnsafeBytes { value in
                _ = rd_kafka_header_add(list, header.name, -1, value.baseAddress, value.count)
            }
        }
        return list
    }

    /// One `rd_kafka_vu_t` argument of `rd_kafka_produceva`.
    private static func field(
        _ type: rd_kafka_vtype_t,
        _ set: (inout rd_kafka_vu_t.__Unnamed_union_u) -> Void
    ) -> rd_kafka_vu_t {
        var field = rd_kafka_vu_t()
        field.vtype = type
        set(&field.u)
        return field
    }

    /// Calls `body` with the bytes of `bytes`, or with `nil` when there are none.
    private static func withOptionalBytes<Result>(
        _ bytes: [UInt8]?,
        _ body: (UnsafeRawBufferPointer?) -> Result
    ) -> Result {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }
}

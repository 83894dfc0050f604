internal import CRdKafka
import Foundation

extension KafkaRecord {
    /// Copies a message that librdkafka's consumer returned without error.
    init(message: UnsafeMutablePointer<rd_kafka_message_t>) {
        let fields = message.pointee
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
        self.init(
            topic: fields.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "",
            partition: fields.partition,
            offset: fields.offset,
            key: fields.key.map { Array(UnsafeRawBufferPointer(start: $0, count: fields.key_len)) },
            value: fields.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: fields.len)) } ?? [],
            headers: Self.headers(of: message),
            timestamp: milliseconds >= 0 ? Date(timeIntervalSince1970: Double(milliseconds) / 1000) : nil
        )
    }

    /// The message's headers, in order; a null value reads as empty.
    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var list: OpaquePointer?
        guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        var headers: [KafkaHeader] = []
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(list, headers.count, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
            headers.append(KafkaHeader(name: name.map { String(cString: $0) } ?? "", value: bytes))
        }
        return headers
    }
}

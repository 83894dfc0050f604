import Foundation
import MS5Kafka

/// Messages and helpers the Kafka tests share.
enum KafkaTestData {
    /// A topic or group name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// `count` messages spread round-robin over `keys` keys; message `n` has value `message-n`
    /// and headers `seq` = n and `source` = `ms5-test`.
    static func messages(topic: String, count: Int, keys: Int) -> [KafkaMessage] {
        (0..<count).map { index in
            KafkaMessage(
                topic: topic,
                key: Array("key-\(index % keys)".utf8),
                value: Array("message-\(index)".utf8),
                headers: [KafkaHeader(name: "seq", value: "\(index)"), KafkaHeader(name: "source", value: "ms5-test")]
            )
        }
    }

    /// The sequence number in a value made by ``messages(topic:count:keys:)``.
    static func sequence(of value: [UInt8]) -> Int? {
        Int(String(decoding: value, as: UTF8.self).dropFirst("message-".count))
    }

    /// Polls until `count` records arrived or `limit` passed, then polls once more briefly so
    /// that a record beyond `count` (a duplicate) shows up in the result too.
    static func consume(_ consumer: KafkaConsumer, count: Int, within limit: Duration) async throws -> [KafkaRecord] {
        let deadline = ContinuousClock.now + limit
        var records: [KafkaRecord] = []
        while records.count < count, ContinuousClock.now < deadline {
            if let record = try await consumer.poll(timeout: .milliseconds(200)) {
                records.append(record)
            }
        }
        while let extra = try await consumer.poll(timeout: .milliseconds(500)) {
            records.append(extra)
        }
        return records
    }

    /// The sequence numbers of `records` grouped by key, in the order they were read.
    static func sequencesByKey(_ records: [KafkaRecord]) -> [String: [Int]] {
        records.reduce(into: [:]) { result, record in
            let key = String(decoding: record.key ?? [], as: UTF8.self)
            result[key, default: []].append(sequence(of: record.value) ?? -1)
        }
    }

    /// The failures among `outcomes`.
    static func failures(_ outcomes: [KafkaDeliveryOutcome]) -> [KafkaError] {
        outcomes.compactMap { outcome in
            if case .failure(let error) = outcome { error } else { nil }
        }
    }
}

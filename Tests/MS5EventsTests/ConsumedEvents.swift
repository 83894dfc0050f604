import Foundation
import MS5Domain
import MS5Kafka
import Testing

/// Reads a topic back with a consumer group member and checks it against the outbox: every event
/// at least once, repeats only with the same id and bytes, and each key's events in outbox order.
enum ConsumedEvents {
    static func expectAll(_ events: [RecordedEvent], from brokers: [String], topic: String) async throws {
        let consumer = try KafkaConsumer(configuration: KafkaConfiguration(bootstrapServers: brokers), groupID: "check-\(UUID())", topics: [topic])
        var records: [KafkaRecord] = []
        var seen: Set<String> = []
        let expected = Set(events.map { $0.event.id.uuidString.lowercased() })
        try await RelayFixture.wait(until: "every event was read back") {
            while let record = try await consumer.poll(timeout: .milliseconds(100)) {
                records.append(record)
                if let id = record.headers.text(of: "ce_id") { seen.insert(id) }
            }
            return seen.isSuperset(of: expected)
        }
        await consumer.close()
        let byId = Dictionary(events.map { ($0.event.id.uuidString.lowercased(), $0) }) { first, _ in first }
        var lastPosition: [String: Int64] = [:]
        for record in records {
            guard let id = record.headers.text(of: "ce_id"), let event = byId[id] else {
                Issue.record("a message that is not in the outbox")
                continue
            }
            #expect(String(decoding: record.value, as: UTF8.self) == event.event.data, "a repeat carries the same data")
            let key = String(decoding: record.key ?? [], as: UTF8.self)
            if let last = lastPosition[key], event.position <= last {
                // Only a repeat may go back, and only to an event already delivered.
                #expect(records.contains { $0.headers.text(of: "ce_id") == id && $0.offset < record.offset })
            } else {
                lastPosition[key] = event.position
            }
        }
    }
}

import Foundation
import MS5Kafka
import Testing

@Suite("KafkaProducer and KafkaConsumer on librdkafka's mock cluster")
struct MockClusterDeliveryTests {
    @Test("1,000 keyed messages with headers arrive once each, in order per key, at the reported offsets")
    func roundTrip() async throws {
        let cluster = try KafkaMockCluster(brokers: 3)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("orders")
        try cluster.createTopic(topic, partitions: 4, replicationFactor: 3)
        let configuration = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let sent = KafkaTestData.messages(topic: topic, count: 1_000, keys: 10)

        let producer = try KafkaProducer(configuration: configuration)
        let outcomes = await producer.send(sent)
        await producer.close()
        #expect(outcomes.count == sent.count)
        #expect(KafkaTestData.failures(outcomes).isEmpty)
        let deliveries = try outcomes.map { try $0.get() }

        let consumer = try KafkaConsumer(
            configuration: configuration, groupID: KafkaTestData.uniqueName("group"), topics: [topic])
        let records = try await KafkaTestData.consume(consumer, count: sent.count, within: .seconds(30))
        await consumer.close()

        #expect(records.count == sent.count)
        let sequences = records.compactMap { KafkaTestData.sequence(of: $0.value) }
        #expect(Set(sequences) == Set(0..<sent.count))
        for (key, order) in KafkaTestData.sequencesByKey(records) {
            #expect(order == order.sorted(), "key \(key) out of order")
        }
        for record in records {
            guard let index = KafkaTestData.sequence(of: record.value), sent.indices.contains(index) else {
                Issue.record("unexpected record \(record)")
                continue
            }
            #expect(record.topic == topic)
            #expect(record.key == sent[index].key)
            #expect(record.headers == sent[index].headers)
            #expect(record.timestamp != nil)
            #expect(deliveries[index].partition == record.partition)
            #expect(deliveries[index].offset == record.offset)
        }
        let partitionsByKey = Dictionary(grouping: records) { $0.key ?? [] }.mapValues { Set($0.map(\.partition)) }
        #expect(partitionsByKey.values.allSatisfy { $0.count == 1 })
        #expect(Set(records.map(\.partition)).count > 1)
    }
}

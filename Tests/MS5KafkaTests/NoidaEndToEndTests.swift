import Foundation
import MS5Kafka
import MS5KafkaTestSupport
import Testing

@Suite("KafkaProducer and KafkaConsumer against a separate broker process, checked with kcat")
struct NoidaEndToEndTests {
    @Test("what the idempotent producer sends, kcat reads: payload, key, headers and order")
    func producerToKcat() async throws {
        try await NoidaKafkaBroker.with { broker in
            let topic = KafkaTestData.uniqueName("outbox")
            let producer = try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: broker.bootstrapServers))
            let sent = KafkaTestData.messages(topic: topic, count: 50, keys: 5)
            let outcomes = await producer.send(sent)
            await producer.close()
            #expect(KafkaTestData.failures(outcomes).isEmpty)

            let read = try await Kcat.consume(bootstrapServers: broker.bootstrapServers, topic: topic, count: sent.count)
            #expect(read.count == sent.count)
            let byOffset = read.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
            for (record, outcome) in zip(byOffset, outcomes) {
                let delivery = try outcome.get()
                #expect(record.partition == delivery.partition && record.offset == delivery.offset)
            }
            let readValues = byOffset.map { $0.payload ?? "" }
            let sentValues = sent.map { String(decoding: $0.value, as: UTF8.self) }
            #expect(readValues == sentValues)
            #expect(byOffset.map { $0.key ?? "" } == sent.map { String(decoding: $0.key ?? [], as: UTF8.self) })
            #expect(byOffset.map(\.headers) == sent.map(\.headers))
        }
    }

    @Test("what kcat produces as key:value lines, the consumer reads in order with its keys")
    func kcatToConsumer() async throws {
        try await NoidaKafkaBroker.with { broker in
            let topic = KafkaTestData.uniqueName("erp-orders")
            let lines = (0..<20).map { (key: "order-\($0 % 4)", value: "{\"order\":\($0)}") }
            try await Kcat.produce(bootstrapServers: broker.bootstrapServers, topic: topic, lines: lines)

            let consumer = try KafkaConsumer(
                configuration: KafkaConfiguration(bootstrapServers: broker.bootstrapServers),
                groupID: KafkaTestData.uniqueName("erp"), topics: [topic])
            let records = try await KafkaTestData.consume(consumer, count: lines.count, within: .seconds(30))
            if let last = records.last {
                try await consumer.commit(last)
            }
            await consumer.close()
            #expect(records.map { String(decoding: $0.key ?? [], as: UTF8.self) } == lines.map(\.key))
            #expect(records.map { String(decoding: $0.value, as: UTF8.self) } == lines.map(\.value))
            #expect(records.allSatisfy { $0.topic == topic && $0.headers.isEmpty })
        }
    }
}

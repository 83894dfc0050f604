import Foundation
import MS5Kafka
import Testing

@Suite("KafkaConsumer commits on librdkafka's mock cluster")
struct ConsumerCommitTests {
    @Test("a new consumer in the group continues right after the committed record")
    func continuesAfterCommit() async throws {
        let cluster = try KafkaMockCluster(brokers: 3)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("commits")
        try cluster.createTopic(topic, partitions: 1, replicationFactor: 3)
        let configuration = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let producer = try KafkaProducer(configuration: configuration)
        let outcomes = await producer.send(KafkaTestData.messages(topic: topic, count: 20, keys: 3))
        await producer.close()
        #expect(KafkaTestData.failures(outcomes).isEmpty)
        let group = KafkaTestData.uniqueName("erp-orders")
        // The mock coordinator holds a join that follows a leave for the session timeout less a
        // second (a real broker's empty group does not), so keep that short.
        var groupConfiguration = configuration
        groupConfiguration.properties = ["session.timeout.ms": "3000", "heartbeat.interval.ms": "500"]

        let first = try KafkaConsumer(configuration: groupConfiguration, groupID: group, topics: [topic])
        var handled: [KafkaRecord] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while handled.count < 8, ContinuousClock.now < deadline {
            if let record = try await first.poll(timeout: .milliseconds(200)) {
                handled.append(record)
            }
        }
        try #require(handled.count == 8)
        try await first.commit(handled[7])
        await first.close()
        await #expect(throws: KafkaError.self) { try await first.poll(timeout: .milliseconds(10)) }

        let second = try KafkaConsumer(configuration: groupConfiguration, groupID: group, topics: [topic])
        let rest = try await KafkaTestData.consume(second, count: 12, within: .seconds(30))
        await second.close()
        #expect(handled.map(\.offset) == Array(0..<8))
        #expect(rest.map(\.offset) == Array(8..<20))
        #expect(rest.compactMap { KafkaTestData.sequence(of: $0.value) } == Array(8..<20))
    }
}

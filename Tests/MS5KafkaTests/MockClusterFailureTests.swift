import Foundation
import MS5Kafka
import Testing

@Suite("KafkaProducer through broker outages and errors on librdkafka's mock cluster")
struct MockClusterFailureTests {
    @Test("a broker down and up again while producing loses, duplicates and reorders nothing")
    func brokerOutage() async throws {
        let cluster = try KafkaMockCluster(brokers: 3)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("outage")
        try cluster.createTopic(topic, partitions: 4, replicationFactor: 3)
        for (partition, leader) in zip(Int32(0)..<4, [1, 2, 3, 1] as [Int32]) {
            try cluster.setPartitionLeader(topic: topic, partition: partition, broker: leader)
        }
        let configuration = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let sent = KafkaTestData.messages(topic: topic, count: 600, keys: 20)
        let producer = try KafkaProducer(configuration: configuration)

        let before = await producer.send(Array(sent[..<200]))
        #expect(KafkaTestData.failures(before).isEmpty)
        // Every partition has keys, so partitions 0 and 3, led by broker 1, get messages.
        #expect(Set(before.compactMap { try? $0.get().partition }) == [0, 1, 2, 3])
        try cluster.setBrokerDown(1)
        let finished = CompletionFlag()
        let during = Task {
            defer { finished.set() }
            return await producer.send(Array(sent[200...]))
        }
        // The outage lasts a second; the messages for broker 1's partitions wait for it meanwhile.
        try await Task.sleep(for: .seconds(1))
        #expect(!finished.isSet)
        try cluster.setBrokerUp(1)
        let after = await during.value
        await producer.close()
        #expect(after.count == 400)
        #expect(KafkaTestData.failures(after).isEmpty)

        let consumer = try KafkaConsumer(
            configuration: configuration, groupID: KafkaTestData.uniqueName("group"), topics: [topic])
        let records = try await KafkaTestData.consume(consumer, count: sent.count, within: .seconds(30))
        await consumer.close()
        let sequences = records.compactMap { KafkaTestData.sequence(of: $0.value) }
        #expect(sequences.count == sent.count)
        #expect(Set(sequences) == Set(0..<sent.count))
        for (key, order) in KafkaTestData.sequencesByKey(records) {
            #expect(order == order.sorted(), "key \(key) out of order")
        }
    }

    @Test("retriable produce errors are retried: every message is delivered once, in order per key")
    func retriableErrors() async throws {
        let cluster = try KafkaMockCluster(brokers: 3)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("retry")
        try cluster.createTopic(topic, partitions: 2, replicationFactor: 3)
        let configuration = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let producer = try KafkaProducer(configuration: configuration)
        let sent = KafkaTestData.messages(topic: topic, count: 200, keys: 5)
        let warmUp = await producer.send([KafkaMessage(topic: topic, key: nil, value: Array("warm-up".utf8))])
        #expect(KafkaTestData.failures(warmUp).isEmpty)

        cluster.pushProduceErrors([
            .notLeaderForPartition, .requestTimedOut, .notLeaderForPartition, .requestTimedOut, .requestTimedOut,
        ])
        let outcomes = await producer.send(sent)
        await producer.close()
        #expect(KafkaTestData.failures(outcomes).isEmpty)

        let consumer = try KafkaConsumer(
            configuration: configuration, groupID: KafkaTestData.uniqueName("group"), topics: [topic])
        let records = try await KafkaTestData.consume(consumer, count: sent.count + 1, within: .seconds(30))
        await consumer.close()
        let sequences = records.compactMap { KafkaTestData.sequence(of: $0.value) }
        #expect(sequences.count == sent.count)
        #expect(Set(sequences) == Set(0..<sent.count))
        for (key, order) in KafkaTestData.sequencesByKey(records.filter { $0.key != nil }) {
            #expect(order == order.sorted(), "key \(key) out of order")
        }
    }

    @Test("a permanent produce error fails the message with that error, and the producer goes on")
    func permanentError() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("invalid")
        try cluster.createTopic(topic, partitions: 1, replicationFactor: 1)
        let producer = try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        let message = KafkaMessage(topic: topic, key: Array("k".utf8), value: Array("v".utf8))
        let warmUp = await producer.send([message])
        #expect(KafkaTestData.failures(warmUp).isEmpty)

        cluster.pushProduceErrors([.invalidRecord])
        let denied = await producer.send([message])
        let error = try #require(KafkaTestData.failures(denied).first)
        #expect(error.code == .invalidRecord)
        #expect(error.name == "INVALID_RECORD")
        #expect(error.message.contains("validate record"))
        #expect(!error.isRetriable)
        #expect(!error.isFatal)

        let later = await producer.send([message])
        await producer.close()
        #expect(KafkaTestData.failures(later).isEmpty)
    }

    @Test("a message undeliverable within message.timeout.ms fails with _MSG_TIMED_OUT")
    func messageTimeout() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("timeout")
        try cluster.createTopic(topic, partitions: 1, replicationFactor: 1)
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers),
            messageTimeout: .seconds(1))
        // Connected once (which can take longer than the 1 s timeout on a busy machine) ...
        var connected = false
        let deadline = ContinuousClock.now + .seconds(30)
        while !connected, ContinuousClock.now < deadline {
            let warmUp = await producer.send(KafkaTestData.messages(topic: topic, count: 1, keys: 1))
            connected = KafkaTestData.failures(warmUp).isEmpty
        }
        try #require(connected)

        // ... then cut off.
        try cluster.setBrokerDown(1)
        let started = ContinuousClock.now
        let outcomes = await producer.send(KafkaTestData.messages(topic: topic, count: 5, keys: 1))
        let waited = ContinuousClock.now - started
        await producer.close(timeout: .milliseconds(200))
        let failures = KafkaTestData.failures(outcomes)
        #expect(failures.count == 5)
        #expect(failures.allSatisfy { $0.code == .messageTimedOut && $0.name == "_MSG_TIMED_OUT" })
        // It waited for the message timeout rather than failing at once; how much longer a busy
        // machine takes to report it is no property of the producer, so no upper bound is asserted.
        #expect(waited >= .milliseconds(900))
    }

    @Test("a full local queue makes send wait for room instead of failing")
    func queueFull() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("full")
        try cluster.createTopic(topic, partitions: 1, replicationFactor: 1)
        let configuration = KafkaConfiguration(
            bootstrapServers: cluster.bootstrapServers, properties: ["queue.buffering.max.messages": "10"])
        let producer = try KafkaProducer(configuration: configuration)
        let outcomes = await producer.send(KafkaTestData.messages(topic: topic, count: 300, keys: 1))
        await producer.close()
        #expect(KafkaTestData.failures(outcomes).isEmpty)
        #expect(outcomes.compactMap { try? $0.get().offset } == (0..<300).map(Int64.init))
    }

    @Test("close fails the messages it could not deliver in time, and later sends fail at once")
    func closeWithUndelivered() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        let topic = KafkaTestData.uniqueName("close")
        try cluster.createTopic(topic, partitions: 1, replicationFactor: 1)
        let producer = try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        try cluster.setBrokerDown(1)
        let pending = Task { await producer.send(KafkaTestData.messages(topic: topic, count: 20, keys: 2)) }
        let deadline = ContinuousClock.now + .seconds(10)
        while producer.outstandingMessages < 20, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(producer.outstandingMessages == 20)
        let started = ContinuousClock.now
        await producer.close(timeout: .milliseconds(300))
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(producer.outstandingMessages == 0)
        let outcomes = await pending.value
        #expect(outcomes.count == 20)
        #expect(KafkaTestData.failures(outcomes).map(\.code) == Array(repeating: .destroyed, count: 20))

        let afterClose = await producer.send(KafkaTestData.messages(topic: topic, count: 1, keys: 1))
        #expect(KafkaTestData.failures(afterClose).map(\.code) == [.destroyed])
        await producer.close()
    }
}

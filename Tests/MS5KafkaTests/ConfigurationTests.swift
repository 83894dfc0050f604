import MS5Kafka
import Testing

@Suite("KafkaConfiguration and KafkaError")
struct ConfigurationTests {
    private let brokers = ["127.0.0.1:1"]

    @Test("an unknown property is refused with an error naming it")
    func unknownProperty() throws {
        let configuration = KafkaConfiguration(bootstrapServers: brokers, properties: ["no.such.property": "1"])
        let error = try #require(throws: KafkaError.self) { try KafkaProducer(configuration: configuration) }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("no.such.property"))
        let consumerError = try #require(throws: KafkaError.self) {
            try KafkaConsumer(configuration: configuration, groupID: "g", topics: ["t"])
        }
        #expect(consumerError.message.contains("no.such.property"))
    }

    @Test("a bad value is refused with an error naming the property as given (linger.ms is an alias)")
    func badValue() throws {
        let configuration = KafkaConfiguration(bootstrapServers: brokers, properties: ["linger.ms": "soon"])
        let error = try #require(throws: KafkaError.self) { try KafkaProducer(configuration: configuration) }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("linger.ms"))
        #expect(error.description.hasPrefix("_INVALID_ARG (-186): "))
    }

    @Test("the idempotent producer refuses acks other than all, naming acks")
    func acksMustBeAll() throws {
        let configuration = KafkaConfiguration(bootstrapServers: brokers, acks: .leader)
        let error = try #require(throws: KafkaError.self) { try KafkaProducer(configuration: configuration) }
        #expect(error.message.contains("acks"))
    }

    @Test("a missing CA file is refused, naming ssl.ca.location")
    func missingCAFile() throws {
        let configuration = KafkaConfiguration(
            bootstrapServers: brokers, security: .tls(caFile: "/nonexistent/ms5-ca.pem"))
        let error = try #require(throws: KafkaError.self) { try KafkaProducer(configuration: configuration) }
        #expect(error.message.contains("ssl.ca.location"))
    }

    @Test(
        "every security mode makes a configuration librdkafka accepts",
        arguments: [
            KafkaSecurity.plaintext,
            .tls(),
            .saslPlaintext(.init(mechanism: .scramSHA256, username: "ms5", password: "secret")),
            .saslTLS(.init(mechanism: .scramSHA512, username: "ms5", password: "secret")),
            .saslTLS(.init(mechanism: .plain, username: "ms5", password: "secret")),
        ])
    func securityModes(security: KafkaSecurity) async throws {
        let configuration = KafkaConfiguration(bootstrapServers: brokers, clientID: "ms5-test", security: security)
        let producer = try KafkaProducer(configuration: configuration)
        await producer.close(timeout: .zero)
        let consumer = try KafkaConsumer(configuration: configuration, groupID: "g", topics: ["t"])
        await consumer.close()
    }

    @Test("printing a configuration does not show the SASL password")
    func passwordMasked() {
        let sasl = KafkaSecurity.SASL(mechanism: .scramSHA512, username: "relay", password: "hunter2-secret")
        let configuration = KafkaConfiguration(bootstrapServers: brokers, security: .saslTLS(sasl, caFile: nil))
        for text in [String(describing: configuration), String(reflecting: configuration)] {
            #expect(text.contains("relay"))
            #expect(!text.contains("hunter2-secret"))
        }
    }

    @Test("error codes carry librdkafka's names and whether they are retriable or fatal")
    func errorClassification() {
        #expect(KafkaError(code: .notLeaderForPartition).name == "NOT_LEADER_FOR_PARTITION")
        #expect(KafkaError(code: .notLeaderForPartition).isRetriable)
        #expect(KafkaError(code: .requestTimedOut).isRetriable)
        #expect(KafkaError(code: .messageTimedOut).isRetriable)
        #expect(!KafkaError(code: .invalidRecord).isRetriable)
        #expect(KafkaError(code: .fatal).isFatal)
        #expect(!KafkaError(code: .queueFull).isFatal)
        #expect(KafkaError(code: .messageTimedOut).message == "Local: Message timed out")
        #expect(KafkaError.Code(rawValue: 87) == .invalidRecord)
    }
}

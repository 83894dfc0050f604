import MS5Kafka

/// Where ms5 publishes its events on Apache Kafka (`kafka.*`): the brokers, how to reach them,
/// and the topics' prefix. Without brokers the outbox still serves replay, the live feed and
/// webhooks.
public struct KafkaSettings: Sendable, Equatable {
    /// The brokers to start from, `host:port`.
    public var brokers: [String]
    /// The prefix of every topic: `ms5` gives `ms5.production.stop`, `ms5.andon`, …
    public var topicPrefix = "ms5"
    /// The client id brokers see.
    public var clientID = "ms5"
    /// TLS and SASL.
    public var security = KafkaSecurity.plaintext
    /// How long the producer keeps trying one message before it reports it failed (the relay then
    /// sends it again).
    public var messageTimeout = Duration.seconds(30)
    /// The ERP's production-order topic read into MS5's orders; nil reads none.
    public var erpOrdersTopic: String? = "erp.production-order.v1"
    /// The consumer group MS5's instances read inbound topics in.
    public var consumerGroup = "ms5"

    /// Settings for `brokers`, plaintext, with the default prefix.
    public init(brokers: [String]) {
        self.brokers = brokers
    }

    /// The client configuration these settings make.
    public var configuration: KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: brokers, clientID: clientID, security: security)
    }
}

/// Where the Kafka brokers are and how to talk to them: what producers and consumers share.
public struct KafkaConfiguration: Sendable, Hashable {
    /// How many replicas must have a message before the partition leader acknowledges it.
    public enum Acks: String, Sendable, Hashable {
        /// All in-sync replicas (`acks=all`), the only setting an idempotent producer accepts.
        case all
        /// The leader alone (`acks=1`).
        case leader = "1"
        /// No acknowledgement (`acks=0`).
        case unacknowledged = "0"
    }

    /// The brokers to start from, as `host:port`.
    public var bootstrapServers: [String]
    /// The client id brokers see in their logs and quotas (`client.id`).
    public var clientID: String
    /// The producers' acknowledgement level; consumers ignore it.
    public var acks: Acks
    /// Authentication and encryption.
    public var security: KafkaSecurity
    /// More librdkafka properties (see librdkafka's CONFIGURATION.md), applied after the ones
    /// above, so they can override them.
    public var properties: [String: String]

    /// A configuration with the given brokers and, unless given, a plaintext connection, `acks=all`
    /// and no extra properties.
    public init(
        bootstrapServers: [String],
        clientID: String = "ms5",
        acks: Acks = .all,
        security: KafkaSecurity = .plaintext,
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.acks = acks
        self.security = security
        self.properties = properties
    }

    /// The librdkafka properties of a producer (with `acks` and `linger.ms=1`) or a consumer
    /// (without), in the order they are set; the extra properties come last, sorted by name.
    ///
    /// `linger.ms=1` instead of librdkafka's 5 ms: `ms5 bench events` measured the relay's
    /// commit-to-consumer p50 at 3 ms instead of 11 and its throughput no lower (a backlog fills
    /// batches before the linger ends).
    func librdkafkaProperties(forProducer producer: Bool) -> [(name: String, value: String)] {
        var list: [(name: String, value: String)] = [
            ("bootstrap.servers", bootstrapServers.joined(separator: ",")),
            ("client.id", clientID),
        ]
        if producer {
            list.append(("acks", acks.rawValue))
            list.append(("linger.ms", "1"))
        }
        list += security.properties
        list += properties.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        return list
    }
}

import Foundation
import Configuration
import MS5Kafka

extension AppConfig {
    /// The `kafka.*` keys.
    static let kafkaKeys: [Key] = [
        Key(name: "kafka.brokers", defaultValue: "",
            summary: "Comma-separated host:port of the Kafka brokers events are published to; empty publishes none (replay, webhooks and the live feed work without)."),
        Key(name: "kafka.topicPrefix", defaultValue: "ms5", summary: "Prefix of the topics, one per event family: ms5.production.stop, ms5.andon, …"),
        Key(name: "kafka.clientId", defaultValue: "ms5", summary: "The client id the brokers see."),
        Key(name: "kafka.security", defaultValue: "plaintext", summary: "plaintext, tls, sasl (SASL over plain TCP) or sasl-tls."),
        Key(name: "kafka.caFile", defaultValue: "", summary: "A PEM file of the certificates to trust for tls and sasl-tls instead of the system's."),
        Key(name: "kafka.saslMechanism", defaultValue: "SCRAM-SHA-512", summary: "SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN (PLAIN only with sasl-tls)."),
        Key(name: "kafka.username", defaultValue: "", summary: "SASL user name."),
        Key(name: "kafka.password", defaultValue: "", summary: "SASL password."),
        Key(name: "kafka.messageTimeoutSeconds", defaultValue: "30",
            summary: "How long one message is tried before the relay counts it failed and sends it again, 1 to 3600 s."),
        Key(name: "kafka.erpOrdersTopic", defaultValue: "erp.production-order.v1",
            summary: "The ERP's production-order topic read into MS5's orders (create, release, changeQuantity, cancel); empty reads none."),
        Key(name: "kafka.consumerGroup", defaultValue: "ms5", summary: "The consumer group the instances read inbound topics in."),
    ]

    mutating func readKafka(_ reader: ConfigReader) throws(ConfigError) {
        let brokers = (reader.string(forKey: "kafka.brokers") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !brokers.isEmpty else { return }
        for broker in brokers {
            let parts = broker.split(separator: ":")
            guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else {
                throw ConfigError(key: "kafka.brokers", reason: "must be host:port pairs separated by commas, like kafka1.plant.example:9092")
            }
        }
        var settings = KafkaSettings(brokers: brokers)
        if let prefix = reader.string(forKey: "kafka.topicPrefix") {
            guard prefix.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }), prefix.count <= 100 else {
                throw ConfigError(key: "kafka.topicPrefix", reason: "may hold only letters, digits, '.', '_' and '-' (at most 100)")
            }
            settings.topicPrefix = prefix
        }
        if let clientID = reader.string(forKey: "kafka.clientId"), !clientID.isEmpty { settings.clientID = clientID }
        if let seconds = try Self.integer(reader, "kafka.messageTimeoutSeconds", in: 1...3600) {
            settings.messageTimeout = .seconds(seconds)
        }
        if let topic = reader.string(forKey: "kafka.erpOrdersTopic") { settings.erpOrdersTopic = topic.isEmpty ? nil : topic }
        if let group = reader.string(forKey: "kafka.consumerGroup"), !group.isEmpty { settings.consumerGroup = group }
        settings.security = try Self.kafkaSecurity(reader)
        kafka = settings
    }

    private static func kafkaSecurity(_ reader: ConfigReader) throws(ConfigError) -> KafkaSecurity {
        let caFile = reader.string(forKey: "kafka.caFile").flatMap { $0.isEmpty ? nil : $0 }
        let text = reader.string(forKey: "kafka.security") ?? "plaintext"
        guard ["plaintext", "tls", "sasl", "sasl-tls"].contains(text) else {
            throw ConfigError(key: "kafka.security", reason: "must be plaintext, tls, sasl or sasl-tls")
        }
        guard text.hasPrefix("sasl") else { return text == "tls" ? .tls(caFile: caFile) : .plaintext }
        let mechanismText = reader.string(forKey: "kafka.saslMechanism") ?? "SCRAM-SHA-512"
        guard let mechanism = KafkaSecurity.Mechanism(rawValue: mechanismText) else {
            throw ConfigError(key: "kafka.saslMechanism", reason: "must be SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN")
        }
        guard let username = reader.string(forKey: "kafka.username"), !username.isEmpty,
              let password = reader.string(forKey: "kafka.password"), !password.isEmpty
        else { throw ConfigError(key: "kafka.username", reason: "and kafka.password must be set for SASL") }
        if mechanism == .plain, text == "sasl" {
            throw ConfigError(key: "kafka.saslMechanism", reason: "PLAIN sends the password as it is: use it with kafka.security=sasl-tls only")
        }
        let sasl = KafkaSecurity.SASL(mechanism: mechanism, username: username, password: password)
        return text == "sasl" ? .saslPlaintext(sasl) : .saslTLS(sasl, caFile: caFile)
    }
}

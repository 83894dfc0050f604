import Configuration
import Foundation
import MS5Domain
import MS5Kafka
import MS5Storage
@testable import MS5Server
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("Every key is documented in docs/CONFIGURATION.md with its environment variable and default")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/CONFIGURATION.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for key in AppConfig.keys {
            #expect(text.contains("| `\(key.name)` | `\(key.environmentVariable)` | `\(key.defaultValue)` |"), "\(key.name)")
        }
    }

    @Test("Values are read and checked")
    func reads() throws {
        let reader = ConfigReader(provider: InMemoryProvider(values: [
            "http.port": 9090, "database.url": "sqlite::memory:", "log.format": "json", "auth.accessTokenMinutes": 5, "auth.inactivityMinutes": 45,
            "database.migrate": false,
        ]))
        let config = try AppConfig(reader: reader)
        #expect(config.port == 9090)
        #expect(config.database == .sqliteMemory)
        #expect(config.logFormat == .json)
        #expect(config.accessTokenLifetime == .seconds(300))
        #expect(config.inactivityTimeout == .seconds(2700))
        #expect(config.sessionLifetime == .seconds(43_200))
        #expect(config.migrate == false)
        #expect(config.host == "127.0.0.1")
    }

    @Test("The OpenID provider settings are read, and a role map naming no ms5 role is refused")
    func oidc() throws {
        let values: [AbsoluteConfigKey: ConfigValue] = [
            "oidc.issuer": "https://login.plant.example/realms/ms5", "oidc.audience": "ms5",
            "oidc.roleMap": "ms5-admins=admin, line-leads=supervisor", "oidc.rolesClaim": "groups",
        ]
        let config = try AppConfig(reader: ConfigReader(provider: InMemoryProvider(values: values)))
        #expect(config.oidc?.issuer.absoluteString == "https://login.plant.example/realms/ms5")
        #expect(config.oidc?.roleMap == ["ms5-admins": .admin, "line-leads": .supervisor])
        #expect(config.oidc?.rolesClaim == "groups" && config.oidc?.usernameClaim == "preferred_username")
        var wrong = values
        wrong["oidc.roleMap"] = "ms5-admins=root"
        #expect(throws: ConfigError.self) { try AppConfig(reader: ConfigReader(provider: InMemoryProvider(values: wrong))) }
        #expect(try AppConfig(reader: ConfigReader(provider: InMemoryProvider(values: ["auth.totpRequiredRoles": "admin,engineer"])))
            .totpRequiredRoles == [.admin, .engineer])
    }

    @Test("Kafka settings are read and checked: brokers, prefix, TLS and SASL, each bad value refused by its key")
    func kafka() throws {
        func config(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> AppConfig {
            try AppConfig(reader: ConfigReader(provider: InMemoryProvider(values: values)))
        }
        #expect(try config([:]).kafka == nil)
        let plain = try config(["kafka.brokers": "kafka1.plant.example:9092, kafka2.plant.example:9092", "kafka.topicPrefix": "bakery.ms5"])
        #expect(plain.kafka?.brokers == ["kafka1.plant.example:9092", "kafka2.plant.example:9092"])
        #expect(plain.kafka?.topicPrefix == "bakery.ms5" && plain.kafka?.security == .plaintext && plain.kafka?.messageTimeout == .seconds(30))
        let sasl = try config([
            "kafka.brokers": "kafka1:9093", "kafka.security": "sasl-tls", "kafka.caFile": "/etc/ms5/plant-ca.pem",
            "kafka.saslMechanism": "SCRAM-SHA-256", "kafka.username": "ms5", "kafka.password": "s3cret", "kafka.messageTimeoutSeconds": 5,
        ])
        #expect(sasl.kafka?.security == .saslTLS(.init(mechanism: .scramSHA256, username: "ms5", password: "s3cret"), caFile: "/etc/ms5/plant-ca.pem"))
        #expect(sasl.kafka?.messageTimeout == .seconds(5))
        let refused: [(AbsoluteConfigKey, ConfigValue, String)] = [
            ("kafka.brokers", "kafka1", "kafka.brokers"), ("kafka.security", "kerberos", "kafka.security"),
            ("kafka.topicPrefix", "ms5 events", "kafka.topicPrefix"), ("kafka.messageTimeoutSeconds", 0, "kafka.messageTimeoutSeconds"),
        ]
        for (key, value, named) in refused {
            var values: [AbsoluteConfigKey: ConfigValue] = ["kafka.brokers": "kafka1:9092"]
            values[key] = value
            #expect { try config(values) } throws: { ($0 as? ConfigError)?.key == named }
        }
        #expect { try config(["kafka.brokers": "k:9092", "kafka.security": "sasl"]) } throws: { ($0 as? ConfigError)?.key == "kafka.username" }
        #expect { try config(["kafka.brokers": "k:9092", "kafka.security": "sasl", "kafka.saslMechanism": "PLAIN", "kafka.username": "u", "kafka.password": "p"]) }
            throws: { ($0 as? ConfigError)?.key == "kafka.saslMechanism" }
    }

    @Test("Environment variables are named from the keys")
    func environmentNames() {
        #expect(AppConfig.keys.map(\.environmentVariable).contains("MS5_AUTH_ACCESS_TOKEN_MINUTES"))
        #expect(AppConfig.keys.map(\.environmentVariable).contains("MS5_HTTP_PORT"))
    }
}

import Configuration
import Foundation
import MS5Domain
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

    @Test("Environment variables are named from the keys")
    func environmentNames() {
        #expect(AppConfig.keys.map(\.environmentVariable).contains("MS5_AUTH_ACCESS_TOKEN_MINUTES"))
        #expect(AppConfig.keys.map(\.environmentVariable).contains("MS5_HTTP_PORT"))
    }
}

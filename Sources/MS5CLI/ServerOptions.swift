import ArgumentParser
import Configuration
import Logging
import MS5Server
import SystemPackage

/// The options every command that opens the database shares. Flags win over `MS5_…` environment
/// variables, which win over the JSON file named by `--config`, which wins over the defaults.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (http.host, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (http.port, default 8080; 0 picks a free one).")
    var port: Int?

    @Option(help: "Database URL (database.url): sqlite:PATH, sqlite::memory: or postgres://user:pass@host/db.")
    var database: String?

    @Option(help: "A JSON configuration file; docs/CONFIGURATION.md lists its keys.")
    var config: String?

    @Flag(help: "Do not apply schema migrations at start; refuse a database that needs them.")
    var noMigrate = false

    @Option(help: "Log level (log.level): trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    @Option(help: "Log format (log.format): text or json.")
    var logFormat: String?

    @Option(help: "PEM file of the certificate (then its chain) to serve HTTPS with (tls.certificate); needs --tls-key.")
    var tlsCertificate: String?

    @Option(help: "PEM file of the certificate's private key (tls.key); needs --tls-certificate.")
    var tlsKey: String?

    /// Reads the configuration from every source; `defaults` replace the usual defaults of their keys.
    func load(defaults: [String: String] = [:]) async throws -> AppConfig {
        var flags: [AbsoluteConfigKey: ConfigValue] = [:]
        func set(_ key: String, _ value: String?) {
            if let value { flags[AbsoluteConfigKey(key.split(separator: ".").map(String.init))] = ConfigValue(.string(value), isSecret: key == "database.url") }
        }
        set("http.host", host)
        set("http.port", port.map(String.init))
        set("database.url", database)
        set("database.migrate", noMigrate ? "false" : nil)
        set("log.level", logLevel)
        set("log.format", logFormat)
        set("tls.certificate", tlsCertificate)
        set("tls.key", tlsKey)
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: flags),
            EnvironmentVariablesProvider(secretsSpecifier: .specific(["MS5_DATABASE_URL"])).prefixKeys(with: "ms5"),
        ]
        if let config {
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(config)))
            } catch {
                throw ValidationError("The configuration file '\(config)' cannot be read: \(error)")
            }
        }
        if !defaults.isEmpty {
            providers.append(InMemoryProvider(name: "defaults", values: Dictionary(uniqueKeysWithValues: defaults.map { key, value in
                (AbsoluteConfigKey(key.split(separator: ".").map(String.init)), ConfigValue(.string(value), isSecret: false))
            })))
        }
        do {
            return try AppConfig(reader: ConfigReader(providers: providers))
        } catch {
            throw ValidationError(error.description)
        }
    }
}

import Configuration
import Foundation
import Logging
import MS5Domain
import MS5Mail
import MS5Storage

/// Everything `ms5 serve` can be told, read from (highest first) flags, `MS5_…` environment
/// variables, a JSON file, and the defaults. ``keys`` documents every key.
public struct AppConfig: Sendable {
    /// How log lines are written.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public var host = "127.0.0.1"
    public var port = 8080
    /// Web origins (`https://host[:port]`) whose pages may call the API; empty allows none but ms5's own.
    public var corsOrigins: Set<String> = []
    public var database = DatabaseURL.sqliteFile(path: "./ms5-data/ms5.sqlite")
    /// Apply pending migrations at start; when false, a schema behind the binary is refused.
    public var migrate = true
    public var logLevel = Logger.Level.info
    public var logFormat = LogFormat.text
    public var bcryptCost = 12
    /// How long an access token (a JWT) is accepted.
    public var accessTokenLifetime = Duration.seconds(15 * 60)
    /// How long a sign-in session lasts, however active; then its refresh token stops working.
    public var sessionLifetime = Duration.seconds(12 * 3600)
    /// How long a session may go unused before it ends.
    public var inactivityTimeout = Duration.seconds(30 * 60)
    /// Roles whose accounts must turn TOTP on before they may do anything else.
    public var totpRequiredRoles: Set<Role> = []
    /// How long an account stays locked after five wrong passwords in a row.
    public var lockout = Duration.seconds(15 * 60)
    /// How long a password lasts before the next sign-in must change it; nil: passwords do not expire.
    public var passwordMaxAge: Duration?
    /// Sign-in attempts allowed per client address and minute.
    public var signInsPerMinute = 10
    /// Wrong PINs in a row that lock a badge.
    public var pinAttempts = 5
    /// How long a badge stays locked after ``pinAttempts`` wrong PINs in a row.
    public var pinLockout = Duration.seconds(15 * 60)
    /// Requests allowed per client address and second on average; 0 turns the limit off.
    public var requestsPerSecond = 50
    /// Requests a client address may send at once, beyond its per-second allowance.
    public var requestBurst = 200
    /// Run the simulated bread line, feeding metrics bound to the connector `simulator`.
    public var simulatorEnabled = false
    public var simulatorSeed: UInt64 = 2026
    /// How many times faster than the wall clock the simulated line runs (load tests).
    public var simulatorSpeed = 1
    /// How long time-series data is kept.
    public var retention = RetentionPolicy()
    /// How often latest values and rollups gathered in memory are written.
    public var aggregateFlushInterval = Duration.milliseconds(1000)
    /// The SMTP server Andon e-mails go through; nil when none is configured.
    public var mail: SMTPConfiguration?
    /// The sender of Andon e-mails.
    public var mailFrom = "MS5 <ms5@localhost>"
    /// The Kafka brokers events are published to; nil publishes none.
    public var kafka: KafkaSettings?
    /// The OpenID provider whose tokens are accepted; nil when none is configured.
    public var oidc: OIDCSettings?
    /// The folder the floor app is served from at `/`; nil serves the copy built into ms5.
    public var webRoot: String?
    /// ms5's own certificate and key: set, it serves HTTPS (and HSTS); nil, plain HTTP.
    public var tls: TLSSettings?

    /// The defaults.
    public init() {}

    /// One documented configuration key.
    public struct Key: Sendable {
        public let name: String
        public let defaultValue: String
        public let summary: String

        /// The environment variable that sets this key.
        public var environmentVariable: String {
            "MS5_" + name.split(separator: ".").map { component in
                component.reduce(into: "") { result, character in
                    if character.isUppercase, let last = result.last, last.isLowercase { result += "_" }
                    result.append(character)
                }.uppercased()
            }.joined(separator: "_")
        }
    }

    /// Every key `ms5 serve` reads.
    public static let keys: [Key] = [
        Key(name: "http.host", defaultValue: "127.0.0.1", summary: "Address to listen on; 0.0.0.0 for every interface."),
        Key(name: "http.port", defaultValue: "8080", summary: "TCP port to listen on (0 picks a free one)."),
        Key(name: "http.corsOrigins", defaultValue: "",
            summary: "Comma-separated web origins (https://host[:port]) whose pages may call the API; empty allows only ms5's own."),
        Key(name: "http.requestsPerSecond", defaultValue: "50",
            summary: "Requests allowed per client address and second on average, 0 to 100000 (0 turns the limit off); beyond it, 429."),
        Key(name: "http.requestBurst", defaultValue: "200", summary: "Requests a client address may send at once before http.requestsPerSecond applies, 1 to 1000000."),
        Key(name: "database.url", defaultValue: "sqlite:./ms5-data/ms5.sqlite",
            summary: "sqlite:PATH, sqlite::memory: or postgres://user:pass@host:5432/db?sslmode=prefer&pool_max=10."),
        Key(name: "database.migrate", defaultValue: "true", summary: "Apply pending schema migrations at start."),
        Key(name: "log.level", defaultValue: "info", summary: "trace, debug, info, notice, warning, error or critical."),
        Key(name: "log.format", defaultValue: "text", summary: "text, or json for one JSON object per line."),
        Key(name: "auth.bcryptCost", defaultValue: "12", summary: "bcrypt cost of password hashes, 4 to 16."),
        Key(name: "auth.accessTokenMinutes", defaultValue: "15", summary: "How long an access token (JWT) is accepted, 1 to 1440 minutes."),
        Key(name: "auth.sessionLifetimeMinutes", defaultValue: "720",
            summary: "How long a sign-in session lasts however active (its refresh tokens end then), 1 to 10080 minutes."),
        Key(name: "auth.inactivityMinutes", defaultValue: "30", summary: "How long a session may go unused before it ends, 1 to 10080 minutes."),
        Key(name: "auth.totpRequiredRoles", defaultValue: "",
            summary: "Comma-separated roles whose accounts must turn TOTP on before they may do anything else (e.g. admin,engineer)."),
        Key(name: "auth.signInsPerMinute", defaultValue: "10", summary: "Sign-in attempts allowed per client address and minute, 1 to 10000."),
        Key(name: "auth.lockoutMinutes", defaultValue: "15", summary: "How long five wrong passwords in a row lock an account, 1 to 1440 minutes."),
        Key(name: "auth.passwordMaxAgeDays", defaultValue: "0",
            summary: "Days a password lasts; the first sign-in after that must change it. 0 (the default): passwords do not expire; at most 3650."),
        Key(name: "auth.pinAttempts", defaultValue: "5", summary: "Wrong PINs in a row that lock a badge on the shared tablets, 1 to 20."),
        Key(name: "auth.pinLockoutMinutes", defaultValue: "15", summary: "How long wrong PINs lock a badge, 1 to 1440 minutes."),
        Key(name: "simulator.enabled", defaultValue: "false", summary: "Run the simulated bread line (ms5 demo turns it on)."),
        Key(name: "simulator.seed", defaultValue: "2026", summary: "Seed of the simulated line: the same seed gives the same day."),
        Key(name: "simulator.speed", defaultValue: "1",
            summary: "How many times faster than real time the simulated line runs, 1 to 3600 (load tests; its data runs ahead of the clock)."),
        Key(name: "ingest.flushMilliseconds", defaultValue: "1000",
            summary: "How often latest values and rollups are written, 50 to 60000 ms (reads always see every stored batch)."),
        Key(name: "retention.rawDays", defaultValue: "30", summary: "Days raw samples are kept."),
        Key(name: "retention.minuteDays", defaultValue: "180", summary: "Days 1-minute rollups are kept."),
        Key(name: "retention.hourDays", defaultValue: "1825", summary: "Days 1-hour rollups are kept."),
        Key(name: "retention.eventDays", defaultValue: "730", summary: "Days fault events, state intervals and equipment events are kept."),
        Key(name: "mail.host", defaultValue: "", summary: "SMTP server for Andon e-mails; empty sends none (they are logged as failed)."),
        Key(name: "mail.port", defaultValue: "587", summary: "SMTP port (465 is usual for mail.security=tls)."),
        Key(name: "mail.security", defaultValue: "startTLS", summary: "startTLS, startTLSIfAvailable, tls (implicit, port 465) or none."),
        Key(name: "mail.username", defaultValue: "", summary: "SMTP AUTH user; empty sends without signing in."),
        Key(name: "mail.password", defaultValue: "", summary: "SMTP AUTH password (never sent over plain text unless mail.security=none)."),
        Key(name: "mail.from", defaultValue: "MS5 <ms5@localhost>", summary: "The sender of Andon e-mails."),
        Key(name: "mail.caFile", defaultValue: "", summary: "A PEM file of the certificates to trust instead of the system's (a company CA)."),
        Key(name: "oidc.issuer", defaultValue: "", summary: "The OpenID provider (issuer URL) whose access tokens ms5 accepts as bearer tokens; empty accepts none."),
        Key(name: "oidc.audience", defaultValue: "", summary: "The client id the provider's tokens must name in 'aud'; required with oidc.issuer."),
        Key(name: "oidc.rolesClaim", defaultValue: "roles", summary: "Dotted path of the claim listing the user's provider roles or groups (e.g. realm_access.roles)."),
        Key(name: "oidc.roleMap", defaultValue: "",
            summary: "Provider role or group = ms5 role, comma-separated (e.g. ms5-admins=admin,line-leads=supervisor); required with oidc.issuer."),
        Key(name: "oidc.redirectURI", defaultValue: "",
            summary: "ms5's /v1/auth/oidc/callback as the provider knows it (registered there); empty turns signing in through the provider's pages off."),
        Key(name: "oidc.clientSecret", defaultValue: "", summary: "The client secret of a confidential client; empty for a public client (PKCE alone)."),
        Key(name: "oidc.sitesClaim", defaultValue: "", summary: "Dotted path of a claim listing site codes (read, not yet enforced)."),
        Key(name: "oidc.usernameClaim", defaultValue: "preferred_username", summary: "The claim read as the username ('sub' when it is missing)."),
        Key(name: "web.root", defaultValue: "", summary: "A folder to serve the floor app from instead of the copy built into ms5 (for developing it)."),
        Key(name: "tls.certificate", defaultValue: "",
            summary: "PEM file of ms5's certificate (then its chain) to serve HTTPS itself, without a proxy; requires tls.key."),
        Key(name: "tls.key", defaultValue: "", summary: "PEM file of the private key of tls.certificate; requires tls.certificate."),
    ] + kafkaKeys

    /// Reads and checks every key, refusing values that are not usable with a message naming the key.
    public init(reader: ConfigReader) throws(ConfigError) {
        host = reader.string(forKey: "http.host") ?? host
        port = try Self.integer(reader, "http.port", in: 0...65535) ?? port
        if let list = reader.string(forKey: "http.corsOrigins"), !list.isEmpty {
            let origins = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard origins.allSatisfy({ ($0.hasPrefix("https://") || $0.hasPrefix("http://")) && !$0.hasSuffix("/") && !$0.contains("*") }) else {
                throw ConfigError(key: "http.corsOrigins", reason: "must be origins like https://board.plant.example, without a path or wildcard")
            }
            corsOrigins = Set(origins)
        }
        requestsPerSecond = try Self.integer(reader, "http.requestsPerSecond", in: 0...100_000) ?? requestsPerSecond
        requestBurst = try Self.integer(reader, "http.requestBurst", in: 1...1_000_000) ?? requestBurst
        if let url = reader.string(forKey: "database.url") {
            do { database = try DatabaseURL(parsing: url) } catch { throw ConfigError(key: "database.url", reason: error.message) }
        }
        migrate = try Self.boolean(reader, "database.migrate") ?? migrate
        if let level = reader.string(forKey: "log.level") {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw ConfigError(key: "log.level", reason: "must be one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = parsed
        }
        if let format = reader.string(forKey: "log.format") {
            guard let parsed = LogFormat(rawValue: format) else { throw ConfigError(key: "log.format", reason: "must be text or json") }
            logFormat = parsed
        }
        bcryptCost = try Self.integer(reader, "auth.bcryptCost", in: 4...16) ?? bcryptCost
        if let minutes = try Self.integer(reader, "auth.accessTokenMinutes", in: 1...1440) {
            accessTokenLifetime = .seconds(minutes * 60)
        }
        if let minutes = try Self.integer(reader, "auth.sessionLifetimeMinutes", in: 1...10080) {
            sessionLifetime = .seconds(minutes * 60)
        }
        if let minutes = try Self.integer(reader, "auth.inactivityMinutes", in: 1...10080) {
            inactivityTimeout = .seconds(minutes * 60)
        }
        if let list = reader.string(forKey: "auth.totpRequiredRoles"), !list.isEmpty {
            let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let roles = names.compactMap(Role.init(rawValue:))
            guard roles.count == names.count else {
                throw ConfigError(key: "auth.totpRequiredRoles", reason: "must list roles among \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            totpRequiredRoles = Set(roles)
        }
        signInsPerMinute = try Self.integer(reader, "auth.signInsPerMinute", in: 1...10_000) ?? signInsPerMinute
        if let minutes = try Self.integer(reader, "auth.lockoutMinutes", in: 1...1440) {
            lockout = .seconds(minutes * 60)
        }
        if let days = try Self.integer(reader, "auth.passwordMaxAgeDays", in: 0...3650) {
            passwordMaxAge = days == 0 ? nil : .seconds(days * 86_400)
        }
        pinAttempts = try Self.integer(reader, "auth.pinAttempts", in: 1...20) ?? pinAttempts
        if let minutes = try Self.integer(reader, "auth.pinLockoutMinutes", in: 1...1440) {
            pinLockout = .seconds(minutes * 60)
        }
        simulatorEnabled = try Self.boolean(reader, "simulator.enabled") ?? simulatorEnabled
        if let seed = try Self.integer(reader, "simulator.seed", in: 0...Int.max) { simulatorSeed = UInt64(seed) }
        simulatorSpeed = try Self.integer(reader, "simulator.speed", in: 1...3600) ?? simulatorSpeed
        if let milliseconds = try Self.integer(reader, "ingest.flushMilliseconds", in: 50...60_000) {
            aggregateFlushInterval = .milliseconds(milliseconds)
        }
        retention.rawDays = try Self.integer(reader, "retention.rawDays", in: 1...36_500) ?? retention.rawDays
        retention.minuteDays = try Self.integer(reader, "retention.minuteDays", in: 1...36_500) ?? retention.minuteDays
        retention.hourDays = try Self.integer(reader, "retention.hourDays", in: 1...36_500) ?? retention.hourDays
        retention.eventDays = try Self.integer(reader, "retention.eventDays", in: 1...36_500) ?? retention.eventDays
        try readMail(reader)
        try readKafka(reader)
        try readOIDC(reader)
        if let root = reader.string(forKey: "web.root"), !root.isEmpty {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
                throw ConfigError(key: "web.root", reason: "must be an existing folder")
            }
            webRoot = root
        }
        try readTLS(reader)
    }

    /// Reads `tls.certificate` and `tls.key`, both or neither, and checks that the files make a
    /// usable server configuration.
    private mutating func readTLS(_ reader: ConfigReader) throws(ConfigError) {
        let certificate = reader.string(forKey: "tls.certificate").flatMap { $0.isEmpty ? nil : $0 }
        let key = reader.string(forKey: "tls.key").flatMap { $0.isEmpty ? nil : $0 }
        switch (certificate, key) {
        case (nil, nil):
            return
        case (let certificate?, let key?):
            let settings = TLSSettings(certificatePath: certificate, keyPath: key)
            _ = try settings.serverConfiguration()
            tls = settings
        case (nil, _):
            throw ConfigError(key: "tls.certificate", reason: "must be set when tls.key is")
        case (_, nil):
            throw ConfigError(key: "tls.key", reason: "must be set when tls.certificate is")
        }
    }

    private mutating func readMail(_ reader: ConfigReader) throws(ConfigError) {
        if let from = reader.string(forKey: "mail.from") {
            guard (try? MailAddress(parsing: from)) != nil else { throw ConfigError(key: "mail.from", reason: "must be an address like MS5 <ms5@plant.example>") }
            mailFrom = from
        }
        guard let host = reader.string(forKey: "mail.host"), !host.isEmpty else { return }
        var security = SMTPConfiguration.Security.startTLS
        if let text = reader.string(forKey: "mail.security") {
            guard let parsed = SMTPConfiguration.Security(rawValue: text) else {
                throw ConfigError(key: "mail.security", reason: "must be startTLS, startTLSIfAvailable, tls or none")
            }
            security = parsed
        }
        let caFile = reader.string(forKey: "mail.caFile").flatMap { $0.isEmpty ? nil : $0 }
        mail = SMTPConfiguration(
            host: host, port: try Self.integer(reader, "mail.port", in: 1...65535), security: security,
            username: reader.string(forKey: "mail.username").flatMap { $0.isEmpty ? nil : $0 },
            password: reader.string(forKey: "mail.password").flatMap { $0.isEmpty ? nil : $0 },
            trustRoots: caFile.map { .pemFile($0) } ?? .system)
    }

    private mutating func readOIDC(_ reader: ConfigReader) throws(ConfigError) {
        guard let issuerText = reader.string(forKey: "oidc.issuer"), !issuerText.isEmpty else { return }
        guard let issuer = URL(string: issuerText), ["https", "http"].contains(issuer.scheme ?? ""), issuer.host() != nil else {
            throw ConfigError(key: "oidc.issuer", reason: "must be the provider's issuer URL, like https://login.plant.example/realms/ms5")
        }
        guard let audience = reader.string(forKey: "oidc.audience"), !audience.isEmpty else {
            throw ConfigError(key: "oidc.audience", reason: "must be set to ms5's client id when oidc.issuer is")
        }
        var settings = OIDCSettings(issuer: issuer, audience: audience)
        var roleMap: [String: Role] = [:]
        for pair in (reader.string(forKey: "oidc.roleMap") ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let role = Role(rawValue: parts[1]) else {
                throw ConfigError(key: "oidc.roleMap", reason: "must be pairs like line-leads=supervisor with roles among \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            roleMap[parts[0]] = role
        }
        guard !roleMap.isEmpty else { throw ConfigError(key: "oidc.roleMap", reason: "must map at least one provider role when oidc.issuer is set") }
        settings.roleMap = roleMap
        if let claim = reader.string(forKey: "oidc.rolesClaim"), !claim.isEmpty { settings.rolesClaim = claim }
        if let claim = reader.string(forKey: "oidc.sitesClaim"), !claim.isEmpty { settings.sitesClaim = claim }
        if let claim = reader.string(forKey: "oidc.usernameClaim"), !claim.isEmpty { settings.usernameClaim = claim }
        if let text = reader.string(forKey: "oidc.redirectURI"), !text.isEmpty {
            guard let uri = URL(string: text), ["https", "http"].contains(uri.scheme ?? ""), uri.host() != nil else {
                throw ConfigError(key: "oidc.redirectURI", reason: "must be an absolute URL like https://ms5.plant.example/v1/auth/oidc/callback")
            }
            settings.redirectURI = uri
        }
        if let secret = reader.string(forKey: "oidc.clientSecret"), !secret.isEmpty { settings.clientSecret = secret }
        oidc = settings
    }

    static func integer(_ reader: ConfigReader, _ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        let value = reader.int(forKey: ConfigKey(key)) ?? reader.string(forKey: ConfigKey(key)).flatMap { Int($0) }
        guard let value else {
            if reader.string(forKey: ConfigKey(key)) != nil { throw ConfigError(key: key, reason: "must be a whole number") }
            return nil
        }
        guard range.contains(value) else {
            throw ConfigError(key: key, reason: "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func boolean(_ reader: ConfigReader, _ key: String) throws(ConfigError) -> Bool? {
        if let value = reader.bool(forKey: ConfigKey(key)) { return value }
        guard let text = reader.string(forKey: ConfigKey(key)) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "1", "on": return true
        case "false", "no", "0", "off": return false
        default: throw ConfigError(key: key, reason: "must be true or false")
        }
    }
}

/// A configuration value that cannot be used.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let key: String
    public let reason: String

    public var description: String {
        "Configuration key '\(key)' (environment \(AppConfig.Key(name: key, defaultValue: "", summary: "").environmentVariable)) \(reason)."
    }
}

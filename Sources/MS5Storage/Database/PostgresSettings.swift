import Foundation

/// How to reach a PostgreSQL server, read from a `postgres://` URL.
public struct PostgresSettings: Sendable, Equatable, CustomStringConvertible {
    /// Whether to use TLS, from the URL's `sslmode` (`disable`, `prefer`, `require`).
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// Most connections the pool opens, from the URL's `pool_max` (default 10).
    public var maximumConnections: Int

    /// Parses `postgres://user:pass@host:port/db?sslmode=prefer&pool_max=10`.
    public init(url text: String) throws(StorageError) {
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw StorageError.badURL(text, "it has no host")
        }
        guard let user = url.user, !user.isEmpty else { throw StorageError.badURL(text, "it has no user name") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw StorageError.badURL(text, "it names no database") }
        let query = Dictionary(
            (url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard let tls = TLSMode(rawValue: query["sslmode"] ?? "prefer") else {
            throw StorageError.badURL(text, "sslmode must be disable, prefer or require")
        }
        guard let poolMax = Int(query["pool_max"] ?? "10"), (1...200).contains(poolMax) else {
            throw StorageError.badURL(text, "pool_max must be a whole number from 1 to 200")
        }
        self.host = host
        self.port = url.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = url.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        self.tls = tls
        self.maximumConnections = poolMax
    }

    /// The URL with the password masked.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }
}

import Logging
import NIOSSL
import PostgresNIO
import PostgresKit

/// A PostgreSQL server reached through PostgresNIO's connection pool.
final class PostgresStore: Sendable {
    let client: PostgresClient
    private let logger: Logger

    init(settings: PostgresSettings, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: settings.host,
            port: settings.port,
            username: settings.username,
            password: settings.password,
            database: settings.database,
            tls: Self.tls(settings.tls)
        )
        configuration.options.maximumConnections = settings.maximumConnections
        configuration.options.minimumConnections = 1
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    private static func tls(_ mode: PostgresSettings.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// Runs read-only work on a pooled connection.
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in try await body(connection.sql()) }
    }

    /// Runs `body` in one transaction on a pooled connection, committed when it returns.
    /// Errors of `body` come out as they were thrown, not wrapped in PostgresNIO's transaction error.
    func transaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection.sql()) }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    /// Runs `body` in one transaction with the connection itself, for what SQLKit cannot say
    /// (COPY). Errors come out as `transaction` throws them.
    func connectionTransaction<R: Sendable>(_ body: (PostgresConnection) async throws -> R) async throws -> R {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }
}

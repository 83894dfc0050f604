import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MS5Connectors
import MS5Domain
@testable import MS5Server
import MS5Ingest
import MS5Realtime
import MS5Storage
import NIOCore
import NIOFoundationEssentialsCompat
import Testing

/// A server built the way `ms5 serve` builds it, on a private in-memory database, with one
/// signed-in account per role the tests need.
struct TestServer {
    static let password = "correct horse battery staple"

    let client: any TestClientProtocol
    let tokens: [Role: String]

    /// The configuration tests run with: in-memory SQLite, the cheapest bcrypt cost, and no
    /// per-address limits (every request of a test comes from one address, hundreds a second;
    /// the rate limit's own tests turn it on).
    static func config(database: DatabaseURL = .sqliteMemory) -> AppConfig {
        var config = AppConfig()
        config.database = database
        config.port = 0
        config.bcryptCost = 4
        config.signInsPerMinute = 10_000
        config.requestsPerSecond = 0
        return config
    }

    /// Runs `body` against a fresh server with one account per role of `roles` signed in (by
    /// default `admin`, `engineer` and `operator`), each named after its role; sessions and
    /// tokens are timed by `clock`.
    @discardableResult
    static func run<R: Sendable>(
        database: DatabaseURL = .sqliteMemory, testing: TestingSetup = .router, roles: [Role] = [.admin, .engineer, .operator],
        configure: (inout AppConfig) -> Void = { _ in }, clock: @escaping @Sendable () -> Date = { Date() },
        _ body: @Sendable (TestServer) async throws -> R
    ) async throws -> R {
        var config = config(database: database)
        configure(&config)
        var logger = Logger(label: "ms5.test")
        logger.logLevel = .warning
        let app = try await buildApplication(config, logger: logger, prepare: { database in
            let accounts = AccountService(database: database, bcryptCost: 4)
            for role in roles {
                do {
                    _ = try await accounts.create(
                        UserInput(username: role.rawValue, displayName: role.rawValue, role: role, password: password), temporary: false)
                } catch let error as DomainError where error.code == .conflict {
                    // A second server on the same database finds the accounts the first one made.
                }
            }
        }, clock: clock)
        return try await app.test(testing) { client in
            var tokens: [Role: String] = [:]
            for role in roles {
                let response = try await client.execute(
                    uri: "/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: try json(["username": role.rawValue, "password": password]))
                #expect(response.status == .ok)
                tokens[role] = try decode(LoginResponse.self, response).token
            }
            return try await body(TestServer(client: client, tokens: tokens))
        }
    }

    /// Every route the router serves, as method and path.
    static func routes() async throws -> [(method: String, path: String)] {
        let pairs = try await Database.withOpen(.sqliteMemory, logger: Logger(label: "ms5.test")) { database in
            let pipeline = IngestPipeline(database: database, bus: EventBus(), logger: Logger(label: "ms5.test"))
            let connectors = PLCConnectorService(database: database, pipeline: pipeline, logger: Logger(label: "ms5.test"))
            return try buildRouter(config(), database: database, pipeline: pipeline, plcLinks: connectors.links, live: RealtimeHub()).routes.map { [$0.method.rawValue, $0.path.description] }
        }
        return pairs.map { ($0[0], $0[1]) }
    }

    /// Sends a request as `role` (nil: without a token), with a JSON body when given.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, as role: Role? = .admin, json body: (any Encodable)? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let role, let token = tokens[role] { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = headers[.contentType] ?? "application/json"
            buffer = try Self.json(body)
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer)
    }

    /// Sends raw bytes as the body.
    func sendRaw(_ method: HTTPRequest.Method, _ uri: String, body: String, contentType: String = "application/json") async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: method,
            headers: [.authorization: "Bearer \(tokens[.admin]!)", .contentType: contentType],
            body: ByteBuffer(string: body))
    }

    /// Creates a record and returns it decoded, failing the test unless the answer is 201.
    func create<T: Decodable>(_ path: String, _ body: some Encodable, as type: T.Type) async throws -> T {
        let response = try await send(.post, path, json: body)
        #expect(response.status == .created, "\(path): \(String(buffer: response.body))")
        return try Self.decode(T.self, response)
    }

    static func json(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(data: try JSONBody.encoder.encode(value))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONBody.decoder.decode(T.self, from: Data(buffer: response.body))
    }
}

extension TestResponse {
    /// The body as a problem, for error responses.
    var problem: Problem? { try? TestServer.decode(Problem.self, self) }
}

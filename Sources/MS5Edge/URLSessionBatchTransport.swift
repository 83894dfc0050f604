import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real ``BatchTransport``: `POST {core}/v1/telemetry/batches` over Foundation's `URLSession`
/// with `Authorization: Bearer {token}` (kept valid by ``EdgeSignIn``) and a JSON body.
public struct URLSessionBatchTransport: BatchTransport {
    /// The full URL batches are posted to.
    public let endpoint: URL
    /// How long one request may take before it counts as failed (and is retried).
    public let requestTimeout: TimeInterval
    private let signIn: EdgeSignIn
    private let session: URLSession

    /// Creates the transport.
    /// - Parameters:
    ///   - coreURL: The central server's base URL, e.g. `https://ms5.plant.example`; the path
    ///     `v1/telemetry/batches` is appended.
    ///   - signIn: Where the bearer token comes from.
    ///   - requestTimeout: Seconds one request may take; default 30.
    ///   - session: The session to use; default an ephemeral one without caches or cookies.
    public init(coreURL: URL, signIn: EdgeSignIn, requestTimeout: TimeInterval = 30, session: URLSession? = nil) {
        self.endpoint = coreURL.appendingPathComponent("v1").appendingPathComponent("telemetry")
            .appendingPathComponent("batches")
        self.signIn = signIn
        self.requestTimeout = requestTimeout
        self.session = session ?? URLSession(configuration: Self.defaultConfiguration(timeout: requestTimeout))
    }

    private static func defaultConfiguration(timeout: TimeInterval) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        return configuration
    }

    /// Posts `batch` and returns the server's answer; throws if none came.
    public func send(_ batch: EdgeBatch) async throws -> TransportResponse {
        var request = URLRequest(url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: requestTimeout)
        request.httpMethod = "POST"
        request.setValue("Bearer \(try await signIn.token())", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = try JSONEncoder().encode(batch)
        let (body, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        if http.statusCode == 401 { await signIn.refused() }
        return TransportResponse(statusCode: http.statusCode, body: body)
    }
}

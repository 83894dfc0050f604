import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Webhook POSTs over URLSession.
public struct URLSessionWebhookTransport: WebhookTransport {
    /// Creates the transport.
    public init() {}

    public func post(_ body: Data, to url: URL, headers: [String: String], timeout: Duration) async throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: timeout / .seconds(1))
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

import Foundation

/// Sends one webhook POST and says what the receiver answered.
public protocol WebhookTransport: Sendable {
    /// POSTs `body` to `url` with `headers`; returns the HTTP status, or throws when nothing answered.
    func post(_ body: Data, to url: URL, headers: [String: String], timeout: Duration) async throws -> Int
}

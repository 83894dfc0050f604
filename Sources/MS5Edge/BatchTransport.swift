import Foundation

/// Sends one ``EdgeBatch`` to the central server and returns its HTTP answer.
///
/// Implementations report every HTTP answer, whatever its status, as a ``TransportResponse``, and
/// throw only when no answer came (connection refused, timeout, DNS, TLS, cancellation); the
/// ``Forwarder`` decides what each answer means. ``URLSessionBatchTransport`` is the real one.
public protocol BatchTransport: Sendable {
    /// Sends `batch` once.
    /// - Returns: The server's status code and body.
    /// - Throws: When the request got no HTTP answer.
    func send(_ batch: EdgeBatch) async throws -> TransportResponse
}

/// An HTTP answer: status code and body.
public struct TransportResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var statusCode: Int
    /// The response body, e.g. a receipt or a problem+json document.
    public var body: Data

    /// Creates a response value.
    public init(statusCode: Int, body: Data = Data()) {
        self.statusCode = statusCode
        self.body = body
    }
}

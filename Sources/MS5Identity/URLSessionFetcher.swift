import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``HTTPFetching`` over Foundation's `URLSession`.
///
/// Redirects are not followed: a 3xx response comes back with its `Location` header as the body
/// (see ``HTTPFetching``), so that the caller decides where to go next.
public struct URLSessionFetcher: HTTPFetching {
    private let session: URLSession

    /// Makes a fetcher with its own ephemeral session; `timeout` bounds each request.
    public init(timeout: TimeInterval = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    /// Sends `GET url`.
    public func get(_ url: URL) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return try await send(request)
    }

    /// Sends `POST url` with the fields form-encoded (RFC 3986 unreserved characters kept).
    public func postForm(_ url: URL, _ fields: [String: String]) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = Data(PercentEncoding.formBody(fields).utf8)
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> (status: Int, body: Data) {
        let (body, response) = try await session.data(for: request)
        guard let httpResponse = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        let status = httpResponse.statusCode
        if (300..<400).contains(status), let location = httpResponse.value(forHTTPHeaderField: "Location") {
            return (status, Data(location.utf8))
        }
        return (status, body)
    }
}

/// Session delegate that answers every redirect with "do not follow".
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

import Foundation

/// The two HTTP exchanges OpenID Connect needs, injected so tests and servers choose the client.
///
/// Implementations do not follow redirects: a 3xx response is returned with the value of its
/// `Location` header as the body, so that a caller can follow it deliberately.
public protocol HTTPFetching: Sendable {
    /// Sends `GET url` and returns the status code and body.
    func get(_ url: URL) async throws -> (status: Int, body: Data)
    /// Sends `POST url` with `fields` as an `application/x-www-form-urlencoded` body.
    func postForm(_ url: URL, _ fields: [String: String]) async throws -> (status: Int, body: Data)
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The bearer token the edge sends, kept valid: a fixed token, or an account the edge signs in
/// with and signs in again with whenever the short-lived access token is about to run out or
/// the core refused it.
public actor EdgeSignIn {
    /// How the edge proves who it is.
    public enum Credentials: Sendable {
        /// A token issued elsewhere; it is sent until it stops working.
        case token(String)
        /// An account (engineer or admin) the edge signs in with itself.
        case account(username: String, password: String)
    }

    private let loginURL: URL
    private let credentials: Credentials
    private let session: URLSession
    private let now: @Sendable () -> Date
    private var current: (token: String, expiresAt: Date)?

    /// Signs in at `coreURL` with `credentials`; `now` tells the time (tests pass their own).
    public init(coreURL: URL, credentials: Credentials, now: @escaping @Sendable () -> Date = { Date() }) {
        self.loginURL = coreURL.appendingPathComponent("v1").appendingPathComponent("auth").appendingPathComponent("login")
        self.credentials = credentials
        self.session = URLSession(configuration: .ephemeral)
        self.now = now
    }

    /// A token to send now: the current one while it has more than a minute left, else a fresh one.
    public func token() async throws -> String {
        switch credentials {
        case .token(let token):
            return token
        case .account(let username, let password):
            if let current, current.expiresAt.timeIntervalSince(now()) > 60 { return current.token }
            let fresh = try await signIn(username: username, password: password)
            current = fresh
            return fresh.token
        }
    }

    /// Forgets the current token after the core refused it, so that the next call signs in again.
    public func refused() {
        current = nil
    }

    private func signIn(username: String, password: String) async throws -> (token: String, expiresAt: Date) {
        var request = URLRequest(url: loginURL)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(["username": username, "password": password])
        let (body, response) = try await session.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw EdgeSignInError(statusCode: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: body.prefix(500), as: UTF8.self))
        }
        struct Login: Decodable {
            let token: String
            let expiresAt: String
        }
        let login = try JSONDecoder().decode(Login.self, from: body)
        let expiresAt = (try? Date(login.expiresAt, strategy: .iso8601))
            ?? (try? Date(login.expiresAt, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? now().addingTimeInterval(300)
        return (login.token, expiresAt)
    }
}

/// The core refused the edge's account.
public struct EdgeSignInError: Error, CustomStringConvertible {
    public let statusCode: Int
    public let body: String

    public var description: String { "signing in to the core failed (HTTP \(statusCode)): \(body)" }
}

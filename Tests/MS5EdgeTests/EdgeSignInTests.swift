import Foundation
import MS5Edge
import Synchronization
import Testing

@Suite("Edge sign-in")
struct EdgeSignInTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let current = Mutex(Date())
        var now: Date { current.withLock { $0 } }
        func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    @Test("The edge signs in once, keeps the token while it has more than a minute left, and signs in again near its expiry or after a refusal")
    func renewal() async throws {
        try await ForwarderHarness.withServer { server in
            try await server.control(["username": "edge-line1", "password": "line one edge phrase", "tokenLifetime": 900])
            let clock = ManualClock()
            let signIn = EdgeSignIn(
                coreURL: server.coreURL, credentials: .account(username: "edge-line1", password: "line one edge phrase"), now: { clock.now })
            let first = try await signIn.token()
            #expect(first == "signed-in-1")
            // 900 s lifetime: after 830 s, 70 s are left, more than the minute's margin.
            clock.advance(seconds: 830)
            #expect(try await signIn.token() == first)
            // After 850 s only 50 s are left: a new sign-in.
            clock.advance(seconds: 20)
            #expect(try await signIn.token() == "signed-in-2")
            // The core refused the token (an administrator revoked the session): sign in again at once.
            await signIn.refused()
            #expect(try await signIn.token() == "signed-in-3")
        }
    }

    @Test("A wrong password is reported with the core's status, not retried silently")
    func wrongPassword() async throws {
        try await ForwarderHarness.withServer { server in
            try await server.control(["username": "edge-line1", "password": "line one edge phrase"])
            let signIn = EdgeSignIn(coreURL: server.coreURL, credentials: .account(username: "edge-line1", password: "not it"))
            await #expect(throws: EdgeSignInError.self) { try await signIn.token() }
            do {
                _ = try await signIn.token()
            } catch let error as EdgeSignInError {
                #expect(error.statusCode == 401 && error.description.contains("HTTP 401"))
            }
        }
    }
}

import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import MS5Domain
@testable import MS5Server
import NIOWebSocket
import Testing

@Suite("Live feed follows the session")
struct LiveSessionEndTests {
    @Test("Signing out closes the live socket opened with the session's token with 4401; another session's socket stays open")
    func signOutCloses() async throws {
        try await TestServer.run(testing: .live) { server in
            let port = try #require(server.client.port)
            let operatorFeed = LiveClient(port: port, token: try #require(server.tokens[.operator]), topics: ["andon"])
            let engineerFeed = LiveClient(port: port, token: try #require(server.tokens[.engineer]), topics: ["andon"])
            for feed in [operatorFeed, engineerFeed] {
                try await feed.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
            }
            #expect(try await server.send(.post, "/v1/auth/logout", as: .operator).status == .noContent)
            let frame = try await operatorFeed.serverClose(timeout: .seconds(15))
            #expect(frame?.closeCode == .unknown(4401) && frame?.reason == "session ended", "\(String(describing: frame))")
            // A whole check interval later the engineer's socket is still open.
            await #expect(throws: LiveClientTimeout.self) { try await engineerFeed.serverClose(timeout: .seconds(6)) }
            await engineerFeed.close()
        }
    }
}

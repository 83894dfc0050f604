import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import MS5TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("OIDC bearer tokens against the provider peer")
struct OIDCBearerTests {
    static func settings(_ peer: ProviderPeer) -> OIDCSettings {
        var settings = OIDCSettings(issuer: peer.issuer, audience: "ms5-test")
        settings.rolesClaim = "realm_access.roles"
        settings.roleMap = ["plant-operator": .operator, "plant-admins": .admin]
        settings.sitesClaim = "sites"
        return settings
    }

    static func me(_ server: TestServer, _ token: String) async throws -> TestResponse {
        try await server.send(.get, "/v1/auth/me", as: nil, headers: [.authorization: "Bearer \(token)"])
    }

    /// The site the provider's tokens name first (they name PLANT-A and PLANT-B; only A exists).
    @discardableResult
    static func plantA(_ server: TestServer) async throws -> Site {
        try await server.create("/v1/sites", SiteInput(code: "PLANT-A", name: "Plant A", timeZone: "Europe/Berlin"), as: Site.self)
    }

    static func usernames(_ server: TestServer) async throws -> [String] {
        try TestServer.decode(Page<User>.self, try await server.send(.get, "/v1/users")).items.map(\.username)
    }

    @Test("A provider token signs in its user, made on first use and kept in step with later tokens")
    func justInTime() async throws {
        try await ProviderPeer.with { peer in
            try await TestServer.run(configure: { $0.oidc = Self.settings(peer) }) { server in
                let noSite = try await Self.me(server, try await peer.mint())
                #expect(noSite.status == .forbidden && noSite.problem?.detail.contains("names no site of this plant") == true)
                let plantA = try await Self.plantA(server)
                let first = try await Self.me(server, try await peer.mint())
                #expect(first.status == .ok)
                let alice = try TestServer.decode(User.self, first)
                #expect(alice.username == "alice" && alice.role == .operator && alice.external)
                // The sites claim names PLANT-A and PLANT-B; the account works at the one that exists.
                #expect(try TestServer.decode(UserSites.self, try await server.send(.get, "/v1/users/\(alice.id)/sites")).siteIds == [plantA.id])
                let token = try await peer.mint()
                #expect(try await server.send(.post, "/v1/sites", as: nil, json: ["code": "X", "name": "X"],
                                              headers: [.authorization: "Bearer \(token)"]).status == .forbidden)

                let promoted = try await peer.mint(claims: ["realm_access": ["roles": ["plant-operator", "plant-admins"]]])
                let again = try TestServer.decode(User.self, try await Self.me(server, promoted))
                #expect(again.id == alice.id && again.role == .admin)
                #expect(try await Self.usernames(server) == ["admin", "alice", "engineer", "operator"])
                let password = try await server.send(.post, "/v1/auth/login", as: nil, json: ["username": "alice", "password": "!"])
                #expect(password.status == .unauthorized)
            }
        }
    }

    @Test("Wrong audience, expiry, alg none, HS256 keyed with the public key and unknown keys are refused with 401")
    func refusedTokens() async throws {
        try await ProviderPeer.with { peer in
            try await TestServer.run(configure: { $0.oidc = Self.settings(peer) }) { server in
                try await Self.plantA(server)
                let now = Int(Date().timeIntervalSince1970)
                let tokens = [
                    try await peer.mint(claims: ["aud": "another-client"]),
                    try await peer.mint(claims: ["iat": now - 900, "exp": now - 300]),
                    try await peer.mint(alg: "none"),
                    try await peer.mint(alg: "HS256", signWith: "rsa-public-as-hmac-secret"),
                    try await peer.mint(signWith: "unknown"),
                ]
                for token in tokens {
                    let response = try await Self.me(server, token)
                    #expect(response.status == .unauthorized, "\(token.prefix(40))")
                    #expect(response.problem?.code == "unauthenticated")
                }
                #expect(try await Self.usernames(server) == ["admin", "engineer", "operator"])
            }
        }
    }

    @Test("A user without a mapped role gets 403, and a local username cannot be taken over")
    func unmapped() async throws {
        try await ProviderPeer.with { peer in
            try await TestServer.run(configure: { $0.oidc = Self.settings(peer) }) { server in
                let unmapped = try await Self.me(server, try await peer.mint(claims: ["realm_access": ["roles": ["offline_access"]]]))
                #expect(unmapped.status == .forbidden)
                let impostor = try await Self.me(server, try await peer.mint(claims: ["sub": "someone", "preferred_username": "admin"]))
                #expect(impostor.status == .conflict)
                #expect(try await Self.usernames(server) == ["admin", "engineer", "operator"])
            }
        }
    }

    @Test("Signing in through the provider's pages: start, provider, callback, one-time code, session")
    func browserFlow() async throws {
        try await ProviderPeer.with { peer in
            var settings = Self.settings(peer)
            // The provider sends the browser back to an address of its own, which URLSession follows
            // and whose query then holds the code and state, as a browser would bring them to ms5.
            settings.redirectURI = peer.issuer.appending(path: "back")
            try await TestServer.run(configure: { $0.oidc = settings }) { server in
                try await Self.plantA(server)
                let start = try await server.send(.get, "/v1/auth/oidc/start", as: nil)
                #expect(start.status == .found)
                let authorize = try #require(start.headers[.location].flatMap(URL.init(string:)))
                let query = try #require(URLComponents(url: authorize, resolvingAgainstBaseURL: false)?.queryItems)
                #expect(query.first { $0.name == "code_challenge_method" }?.value == "S256")
                let (_, back) = try await URLSession.shared.data(from: authorize)
                let returned = try #require(back.url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: false)?.queryItems })
                let code = try #require(returned.first { $0.name == "code" }?.value)
                let state = try #require(returned.first { $0.name == "state" }?.value)
                #expect(state == query.first { $0.name == "state" }?.value)

                let forged = try await server.send(.get, "/v1/auth/oidc/callback?code=\(code)&state=forged", as: nil)
                #expect(forged.status == .unauthorized)
                let callback = try await server.send(.get, "/v1/auth/oidc/callback?code=\(code)&state=\(state)", as: nil)
                #expect(callback.status == .found)
                let location = try #require(callback.headers[.location])
                #expect(location.hasPrefix("/#/signed-in/"))
                let handoff = String(location.dropFirst("/#/signed-in/".count))
                #expect(try await server.send(.get, "/v1/auth/oidc/callback?code=\(code)&state=\(state)", as: nil).status == .unauthorized)

                let session = try await server.send(.post, "/v1/auth/oidc/session", as: nil, json: ["code": handoff])
                #expect(session.status == .ok)
                let tokens = try TestServer.decode(LoginResponse.self, session)
                #expect(tokens.user.username == "alice" && tokens.user.external)
                #expect(try await Self.me(server, tokens.token).status == .ok)
                #expect(try await server.send(.post, "/v1/auth/oidc/session", as: nil, json: ["code": handoff]).status == .unauthorized)
            }
        }
    }

    @Test("Without a redirect URI the provider sign-in routes answer 404")
    func browserFlowOff() async throws {
        let statuses = try await TestServer.run { server async throws -> [HTTPResponse.Status] in
            [try await server.send(.get, "/v1/auth/oidc/start", as: nil).status,
             try await server.send(.post, "/v1/auth/oidc/session", as: nil, json: ["code": "x"]).status]
        }
        #expect(statuses == [.notFound, .notFound])
    }

    @Test("After the provider rotates its key, tokens signed with the new one are accepted")
    func keyRotation() async throws {
        let clock = TestClock()
        try await ProviderPeer.with { peer in
            try await TestServer.run(configure: { $0.oidc = Self.settings(peer) }, clock: { clock.now }) { server in
                try await Self.plantA(server)
                #expect(try await Self.me(server, try await peer.mint()).status == .ok)
                #expect(try await peer.rotate() == "rsa-2")
                let rotated = try await peer.mint()
                clock.advance(minutes: 1.5)
                #expect(try await Self.me(server, rotated).status == .ok)
            }
        }
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import MS5TestSupport
import Testing

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

    static func usernames(_ server: TestServer) async throws -> [String] {
        try TestServer.decode(Page<User>.self, try await server.send(.get, "/v1/users")).items.map(\.username)
    }

    @Test("A provider token signs in its user, made on first use and kept in step with later tokens")
    func justInTime() async throws {
        try await ProviderPeer.with { peer in
            try await TestServer.run(configure: { $0.oidc = Self.settings(peer) }) { server in
                let first = try await Self.me(server, try await peer.mint())
                #expect(first.status == .ok)
                let alice = try TestServer.decode(User.self, first)
                #expect(alice.username == "alice" && alice.role == .operator && alice.external)
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

    @Test("After the provider rotates its key, tokens signed with the new one are accepted")
    func keyRotation() async throws {
        let clock = TestClock()
        try await ProviderPeer.with { peer in
            try await TestServer.run(configure: { $0.oidc = Self.settings(peer) }, clock: { clock.now }) { server in
                #expect(try await Self.me(server, try await peer.mint()).status == .ok)
                #expect(try await peer.rotate() == "rsa-2")
                let rotated = try await peer.mint()
                clock.advance(minutes: 1.5)
                #expect(try await Self.me(server, rotated).status == .ok)
            }
        }
    }
}

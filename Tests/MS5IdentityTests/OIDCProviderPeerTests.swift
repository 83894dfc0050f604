import Foundation
import MS5Identity
import MS5TestSupport
import Testing

/// OIDCTokenVerifier, AuthorizationRequest and TokenExchange against the Python provider peer.
@Suite("OIDC against the provider peer")
struct OIDCProviderPeerTests {
    private func verifier(
        for peer: ProviderPeer, audience: String = "ms5-test", fetcher: any HTTPFetching = URLSessionFetcher(),
        keyRefetchInterval: TimeInterval = 60, clock: ManualClock? = nil
    ) -> OIDCTokenVerifier {
        OIDCTokenVerifier(
            issuer: peer.issuer, audience: audience, allowedClockSkew: 30, keyRefetchInterval: keyRefetchInterval,
            fetcher: fetcher, now: { clock?.now ?? Date() })
    }

    private func expectRefusal(
        _ expected: JWTError, of token: String, by verifier: OIDCTokenVerifier
    ) async {
        await #expect(throws: expected) { try await verifier.verify(token) }
    }

    @Test func discoveryDocumentNamesTheEndpoints() async throws {
        try await ProviderPeer.with { peer in
            let document = try await verifier(for: peer).discoveryDocument()
            #expect(document.issuer == peer.issuer.absoluteString)
            #expect(document.authorizationEndpoint == peer.issuer.appending(path: "authorize"))
            #expect(document.tokenEndpoint == peer.issuer.appending(path: "token"))
            #expect(document.jwksURI == peer.issuer.appending(path: "jwks"))
        }
    }

    @Test func validRS256AndES256TokensAreAccepted() async throws {
        try await ProviderPeer.with { peer in
            let verifier = verifier(for: peer)
            for alg in ["RS256", "ES256"] {
                let claims = try await verifier.verify(try await peer.mint(claims: ["jti": alg], alg: alg))
                #expect(claims.subject == "user-alice")
                #expect(claims.issuer == peer.issuer.absoluteString)
                #expect(claims.audience == ["ms5-test"])
                #expect(claims.tokenID == alg)
            }
        }
    }

    @Test func algorithmsOtherThanRS256AndES256AreRefused() async throws {
        try await ProviderPeer.with { peer in
            let verifier = verifier(for: peer)
            await expectRefusal(.unsupportedAlgorithm("none"), of: try await peer.mint(alg: "none"), by: verifier)
            let confused = try await peer.mint(alg: "HS256", signWith: "rsa-public-as-hmac-secret")
            #expect(try CompactJWT(parsing: confused).header.keyID == "rsa-1")
            await expectRefusal(.unsupportedAlgorithm("HS256"), of: confused, by: verifier)
        }
    }

    @Test func wrongKeyAndUnknownKeyIDAreRefused() async throws {
        try await ProviderPeer.with { peer in
            let verifier = verifier(for: peer)
            await expectRefusal(.invalidSignature, of: try await peer.mint(signWith: "unknown"), by: verifier)
            await expectRefusal(
                .invalidSignature, of: try await peer.mint(alg: "ES256", signWith: "unknown"), by: verifier)
            await expectRefusal(.unknownKeyID("nope"), of: try await peer.mint(keyID: "nope"), by: verifier)
            await expectRefusal(.unknownKeyID(nil), of: try await peer.mint(keyID: .some(nil)), by: verifier)
            await expectRefusal(.keyAlgorithmMismatch, of: try await peer.mint(keyID: "ec-1"), by: verifier)
        }
    }

    @Test func wrongIssuerAndAudienceAreRefused() async throws {
        try await ProviderPeer.with { peer in
            let verifier = verifier(for: peer)
            let foreign = try await peer.mint(claims: ["iss": "https://evil.example"])
            await expectRefusal(.wrongIssuer("https://evil.example"), of: foreign, by: verifier)
            let otherClient = try await peer.mint(claims: ["aud": ["other-app", "another-app"]])
            await expectRefusal(.wrongAudience, of: otherClient, by: verifier)
            let listed = try await peer.mint(claims: ["aud": ["other-app", "ms5-test"]])
            #expect(try await verifier.verify(listed).audience == ["other-app", "ms5-test"])
        }
    }

    @Test func expiredAndNotYetValidTokensAreRefused() async throws {
        try await ProviderPeer.with { peer in
            let verifier = verifier(for: peer)
            let now = Int(Date().timeIntervalSince1970)
            let expired = try await peer.mint(claims: ["iat": now - 600, "exp": now - 60])
            await expectRefusal(.expired, of: expired, by: verifier)
            let early = try await peer.mint(claims: ["nbf": now + 120])
            await expectRefusal(.notYetValid, of: early, by: verifier)
            // Taken again: on a loaded machine the two refusals above can take a while.
            let later = Int(Date().timeIntervalSince1970)
            let withinSkew = try await peer.mint(claims: ["exp": later - 10, "nbf": later + 10])
            #expect(try await verifier.verify(withinSkew).subject == "user-alice")
        }
    }

    @Test func discoveryForAnotherIssuerIsRefused() async throws {
        try await ProviderPeer.with { peer in
            let aliased = URL(string: peer.issuer.absoluteString.replacingOccurrences(of: "127.0.0.1", with: "localhost"))!
            let verifier = OIDCTokenVerifier(issuer: aliased, audience: "ms5-test", fetcher: URLSessionFetcher())
            await #expect(throws: OIDCError.issuerMismatch(
                expected: aliased.absoluteString, found: peer.issuer.absoluteString)
            ) {
                try await verifier.discoveryDocument()
            }
        }
    }

    @Test func rotatedKeyIsFetchedOnceItsKeyIDAppears() async throws {
        try await ProviderPeer.with { peer in
            let fetcher = CountingFetcher()
            let clock = ManualClock()
            let verifier = verifier(for: peer, fetcher: fetcher, clock: clock)
            let before = try await peer.mint()
            #expect(try await verifier.verify(before).subject == "user-alice")
            let newKeyID = try await peer.rotate()
            #expect(newKeyID == "rsa-2")
            let after = try await peer.mint()
            #expect(try CompactJWT(parsing: after).header.keyID == "rsa-2")
            clock.advance(by: 61)
            #expect(try await verifier.verify(after).subject == "user-alice")
            #expect(fetcher.getCount("/jwks") == 2)
            // The old key left the JWK Set; the interval has not passed again, so no refetch.
            await expectRefusal(.unknownKeyID("rsa-1"), of: before, by: verifier)
            #expect(fetcher.getCount("/jwks") == 2)
        }
    }

    @Test func floodOfUnknownKeyIDsRefetchesAtMostOncePerInterval() async throws {
        try await ProviderPeer.with { peer in
            let fetcher = CountingFetcher()
            let clock = ManualClock()
            let verifier = verifier(for: peer, fetcher: fetcher, keyRefetchInterval: 60, clock: clock)
            _ = try await verifier.verify(try await peer.mint())
            clock.advance(by: 60)
            for index in 0..<5 {
                await expectRefusal(
                    .unknownKeyID("bogus-\(index)"), of: try await peer.mint(keyID: "bogus-\(index)"), by: verifier)
            }
            #expect(fetcher.getCount("/jwks") == 2)
            #expect(fetcher.getCount("/.well-known/openid-configuration") == 1)
        }
    }

    @Test func authorizationCodeFlowWithPKCEYieldsAVerifiedIDToken() async throws {
        try await ProviderPeer.with { peer in
            let fetcher = URLSessionFetcher()
            let verifier = verifier(for: peer, fetcher: fetcher)
            let redirectURI = URL(string: "https://ms5.example/auth/callback")!
            let request = AuthorizationRequest(clientID: "ms5-test", redirectURI: redirectURI)
            let authorizeURL = request.url(for: try await verifier.discoveryDocument())

            let (status, body) = try await fetcher.get(authorizeURL)
            #expect(status == 302)
            let callback = try #require(URLComponents(string: String(decoding: body, as: UTF8.self)))
            #expect(callback.host == "ms5.example")
            let query = Dictionary(uniqueKeysWithValues: (callback.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(query["state"] == request.state)
            let code = try #require(query["code"])

            let exchange = TokenExchange(
                clientID: "ms5-test", redirectURI: redirectURI, fetcher: fetcher, verifier: verifier)
            let idToken = try await exchange.exchange(
                code: code, codeVerifier: request.pkce.verifier, expectedNonce: request.nonce)
            #expect(idToken.claims.nonce == request.nonce)
            #expect(idToken.claims.subject == "user-alice")

            let mapped = try ClaimMapping(
                rolesClaimPath: "realm_access.roles", roleNamesByClaimValue: ["plant-operator": "operator"],
                sitesClaimPath: "sites"
            ).map(idToken.claims)
            #expect(mapped == MappedIdentity(
                subject: "user-alice", username: "alice", email: "alice@example.com",
                roleNames: ["operator"], siteCodes: ["PLANT-A", "PLANT-B"]))
        }
    }

    @Test func tokenExchangeRefusesAWrongVerifierAndAWrongNonce() async throws {
        try await ProviderPeer.with { peer in
            let fetcher = URLSessionFetcher()
            let verifier = verifier(for: peer, fetcher: fetcher)
            let redirectURI = URL(string: "https://ms5.example/auth/callback")!
            let exchange = TokenExchange(
                clientID: "ms5-test", redirectURI: redirectURI, fetcher: fetcher, verifier: verifier)
            let document = try await verifier.discoveryDocument()

            func authorize(_ request: AuthorizationRequest) async throws -> String {
                let (_, body) = try await fetcher.get(request.url(for: document))
                let callback = try #require(URLComponents(string: String(decoding: body, as: UTF8.self)))
                return try #require(callback.queryItems?.first { $0.name == "code" }?.value)
            }

            let first = AuthorizationRequest(clientID: "ms5-test", redirectURI: redirectURI)
            let code = try await authorize(first)
            await #expect(throws: OIDCError.unexpectedStatus(url: document.tokenEndpoint, status: 400)) {
                try await exchange.exchange(code: code, codeVerifier: PKCE().verifier, expectedNonce: first.nonce)
            }

            let second = AuthorizationRequest(clientID: "ms5-test", redirectURI: redirectURI)
            let secondCode = try await authorize(second)
            await #expect(throws: OIDCError.nonceMismatch) {
                try await exchange.exchange(
                    code: secondCode, codeVerifier: second.pkce.verifier, expectedNonce: "another-nonce")
            }
        }
    }
}

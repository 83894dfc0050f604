import Foundation
import MS5Identity
import Testing

@Suite("PKCE and the authorization request")
struct BrowserFlowTests {
    /// RFC 7636 Appendix B.
    @Test func pkceMatchesTheRFC7636Example() throws {
        let pkce = try PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE.method == "S256")
    }

    @Test func freshVerifiersAre43UnreservedCharacters() throws {
        let pkce = PKCE()
        #expect(pkce.verifier.count == 43)
        #expect(try PKCE(verifier: pkce.verifier) == pkce)
        #expect(pkce.verifier != PKCE().verifier)
    }

    @Test func verifiersOutsideTheRFCRulesAreRefused() {
        for verifier in [String(repeating: "a", count: 42), String(repeating: "a", count: 129), String(repeating: "a+", count: 25)] {
            #expect(throws: PKCE.VerifierError.invalidVerifier) { try PKCE(verifier: verifier) }
        }
    }

    @Test func authorizeURLCarriesEveryParameter() throws {
        let document = OIDCDiscoveryDocument(
            issuer: "https://idp.example", authorizationEndpoint: URL(string: "https://idp.example/auth?kc_idp_hint=x")!,
            tokenEndpoint: URL(string: "https://idp.example/token")!, jwksURI: URL(string: "https://idp.example/jwks")!)
        let pkce = try PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        let request = AuthorizationRequest(
            clientID: "ms5 app", redirectURI: URL(string: "https://ms5.example/auth/callback?x=1")!,
            state: "s-1", nonce: "n-1", pkce: pkce)
        #expect(request.url(for: document).absoluteString ==
            "https://idp.example/auth?kc_idp_hint=x&response_type=code&client_id=ms5%20app"
            + "&redirect_uri=https%3A%2F%2Fms5.example%2Fauth%2Fcallback%3Fx%3D1&scope=openid%20profile%20email"
            + "&state=s-1&nonce=n-1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&code_challenge_method=S256")
    }

    @Test func stateAndNonceAreRandomByDefault() {
        let redirect = URL(string: "https://ms5.example/cb")!
        let first = AuthorizationRequest(clientID: "c", redirectURI: redirect)
        let second = AuthorizationRequest(clientID: "c", redirectURI: redirect)
        #expect(first.state.count == 43)
        #expect(first.nonce.count == 43)
        #expect(first.state != second.state)
        #expect(first.nonce != second.nonce)
        #expect(first.state != first.nonce)
    }
}

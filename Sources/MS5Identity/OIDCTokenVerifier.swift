import Foundation

/// Verifies ID tokens (and other JWTs) issued by one OpenID Provider.
///
/// On first use it fetches `<issuer>/.well-known/openid-configuration`, requires the document's
/// `issuer` to equal the configured one, then fetches and caches the JWK Set at `jwks_uri`.
/// A token whose `kid` is not in the cache triggers one refetch of the JWK Set (key rotation),
/// but at most once per ``keyRefetchInterval``, so a flood of made-up `kid`s cannot hammer the
/// provider. Only RS256 and ES256 signatures are accepted.
public actor OIDCTokenVerifier {
    /// The issuer identifier, compared exactly with the discovery document and every token's `iss`.
    public nonisolated let issuer: String
    /// The client id that every token's `aud` must contain.
    public nonisolated let audience: String
    /// Clock tolerance for `exp` and `nbf`.
    public nonisolated let allowedClockSkew: TimeInterval
    /// The shortest time between two fetches of the JWK Set.
    public nonisolated let keyRefetchInterval: TimeInterval

    private let fetcher: any HTTPFetching
    private let now: @Sendable () -> Date
    private var discovery: OIDCDiscoveryDocument?
    private var keys: JSONWebKeySet?
    private var lastKeyFetch: Date?

    /// Makes a verifier; nothing is fetched until the first call.
    /// - Parameters:
    ///   - issuer: the provider's issuer URL, e.g. `https://login.example.com/realms/plant`.
    ///   - audience: this server's client id.
    ///   - allowedClockSkew: tolerance for `exp` and `nbf`; 60 seconds unless given.
    ///   - keyRefetchInterval: least time between JWK Set fetches; 60 seconds unless given.
    ///   - fetcher: the HTTP client.
    ///   - now: the clock; the system clock unless given.
    public init(
        issuer: URL, audience: String, allowedClockSkew: TimeInterval = 60, keyRefetchInterval: TimeInterval = 60,
        fetcher: any HTTPFetching, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.issuer = issuer.absoluteString
        self.audience = audience
        self.allowedClockSkew = allowedClockSkew
        self.keyRefetchInterval = keyRefetchInterval
        self.fetcher = fetcher
        self.now = now
    }

    /// The provider's discovery document, fetched once and checked against the issuer.
    public func discoveryDocument() async throws -> OIDCDiscoveryDocument {
        if let discovery { return discovery }
        var base = issuer
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base + "/.well-known/openid-configuration") else {
            throw OIDCError.invalidDocument("issuer URL")
        }
        let document: OIDCDiscoveryDocument = try await fetchJSON(url, name: "discovery document")
        guard document.issuer == issuer else {
            throw OIDCError.issuerMismatch(expected: issuer, found: document.issuer)
        }
        discovery = document
        return document
    }

    /// Verifies a compact JWT from this provider and returns its claims.
    ///
    /// Throws ``JWTError`` for a refused token (algorithm, key, signature, issuer, audience,
    /// validity period) and ``OIDCError`` or the fetcher's error when the provider cannot be read.
    public func verify(_ token: String) async throws -> JWTClaims {
        let jwt = try CompactJWT(parsing: token)
        let validator = ExternalTokenValidator(issuer: issuer, audience: audience, allowedClockSkew: allowedClockSkew)
        let cached = try await currentKeys()
        do {
            return try validator.validate(jwt, keys: cached, now: now())
        } catch .unknownKeyID(_?) where mayRefetchKeys() {
            return try validator.validate(jwt, keys: try await fetchKeys(), now: now())
        }
    }

    private func currentKeys() async throws -> JSONWebKeySet {
        if let keys { return keys }
        return try await fetchKeys()
    }

    private func mayRefetchKeys() -> Bool {
        guard let lastKeyFetch else { return true }
        return now().timeIntervalSince(lastKeyFetch) >= keyRefetchInterval
    }

    private func fetchKeys() async throws -> JSONWebKeySet {
        let document = try await discoveryDocument()
        lastKeyFetch = now()
        let (status, body) = try await fetcher.get(document.jwksURI)
        guard status == 200 else { throw OIDCError.unexpectedStatus(url: document.jwksURI, status: status) }
        let fetched = try JSONWebKeySet(jsonData: body)
        keys = fetched
        return fetched
    }

    private func fetchJSON<Document: Decodable>(_ url: URL, name: String) async throws -> Document {
        let (status, body) = try await fetcher.get(url)
        guard status == 200 else { throw OIDCError.unexpectedStatus(url: url, status: status) }
        guard let document = try? JSONDecoder().decode(Document.self, from: body) else {
            throw OIDCError.invalidDocument(name)
        }
        return document
    }
}

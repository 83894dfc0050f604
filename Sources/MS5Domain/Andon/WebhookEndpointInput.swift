import Foundation

/// What an administrator sends to register a webhook endpoint.
public struct WebhookEndpointInput: Codable, Sendable, Equatable {
    public var name: String
    /// An http or https URL.
    public var url: String
    /// The shared secret the receiver verifies the `X-MS5-Signature` header with; at least 16 characters.
    public var secret: String
    public var enabled: Bool

    /// Creates the input.
    public init(name: String, url: String, secret: String, enabled: Bool = true) {
        self.name = name
        self.url = url
        self.secret = secret
        self.enabled = enabled
    }

    /// Checks the fields: a name, an absolute http(s) URL with a host, a secret of 16–256 characters.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.text(name, "name", maxLength: PlantLimits.name)
        let parsed = URL(string: url)
        v.check(url.count <= 2000 && ["http", "https"].contains(parsed?.scheme?.lowercased() ?? "") && !(parsed?.host ?? "").isEmpty,
                "url", "must be an http or https URL with a host")
        v.check((16...256).contains(secret.count), "secret", "must be 16 to 256 characters")
        try v.finish()
    }
}

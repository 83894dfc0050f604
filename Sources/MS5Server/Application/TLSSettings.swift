import NIOSSL

/// ms5's own TLS, for plants without a proxy in front of it: the PEM file of its certificate
/// (optionally followed by the intermediate certificates of its chain) and of its private key.
public struct TLSSettings: Sendable, Equatable {
    /// The PEM file of the server certificate, then any intermediates.
    public var certificatePath: String
    /// The PEM file of the certificate's private key.
    public var keyPath: String

    /// Creates the settings from the two file paths.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// The server's TLS configuration, TLS 1.2 at least, with the certificate chain and key read
    /// from their files; a file that cannot be read, or a key that does not belong to the
    /// certificate, is refused with the key and file named.
    public func serverConfiguration() throws(ConfigError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw ConfigError(key: "tls.certificate", reason: "names '\(certificatePath)', which cannot be read as PEM certificates (\(error))")
        }
        guard !chain.isEmpty else {
            throw ConfigError(key: "tls.certificate", reason: "names '\(certificatePath)', which holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw ConfigError(key: "tls.key", reason: "names '\(keyPath)', which cannot be read as a PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ConfigError(key: "tls.key", reason: "names '\(keyPath)', which is not the private key of the certificate in '\(certificatePath)' (\(error))")
        }
        return configuration
    }
}

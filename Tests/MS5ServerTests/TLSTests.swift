import Configuration
import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
@testable import MS5Server
import NIOSSL
import Testing

@Suite("TLS without a proxy")
struct TLSTests {
    @Test("With a certificate and key ms5 serves HTTPS with HSTS, and the live feed over wss://")
    func https() async throws {
        let certificate = try SelfSignedCertificate()
        defer { certificate.remove() }
        try await TestServer.run(testing: .ahc(.https), configure: {
            $0.tls = TLSSettings(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath)
        }) { server in
            let health = try await server.send(.get, "/health", as: nil)
            #expect(health.status == .ok)
            #expect(health.headers[.strictTransportSecurity] == "max-age=31536000")

            var trusting = TLSConfiguration.makeClientConfiguration()
            trusting.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate.certificatePath))
            let client = LiveClient(port: try #require(server.client.port), token: try #require(server.tokens[.operator]), topics: ["andon"], tls: trusting)
            try await client.waitFor("subscribed") { $0["type"] as? String == "subscribed" }
            await client.close()
        }
    }

    @Test("Over plain HTTP there is no HSTS header")
    func plain() async throws {
        try await TestServer.run { server in
            let health = try await server.send(.get, "/health", as: nil)
            #expect(health.status == .ok && health.headers[.strictTransportSecurity] == nil)
        }
    }

    @Test("Only one of the two files, a missing file or a key of another certificate stops the start, naming the file")
    func refused() throws {
        let certificate = try SelfSignedCertificate()
        let other = try SelfSignedCertificate()
        defer {
            certificate.remove()
            other.remove()
        }
        func config(_ values: [AbsoluteConfigKey: ConfigValue]) throws(ConfigError) -> AppConfig {
            try AppConfig(reader: ConfigReader(provider: InMemoryProvider(values: values)))
        }
        let accepted = try config(["tls.certificate": .init(.string(certificate.certificatePath), isSecret: false),
                                   "tls.key": .init(.string(certificate.keyPath), isSecret: false)])
        #expect(accepted.tls == TLSSettings(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath))
        #expect(try accepted.tls?.serverConfiguration().minimumTLSVersion == .tlsv12)

        let cases: [([AbsoluteConfigKey: ConfigValue], String, String)] = [
            (["tls.certificate": .init(.string(certificate.certificatePath), isSecret: false)], "tls.key", "must be set"),
            (["tls.key": .init(.string(certificate.keyPath), isSecret: false)], "tls.certificate", "must be set"),
            (["tls.certificate": .init(.string("/nonexistent/cert.pem"), isSecret: false),
              "tls.key": .init(.string(certificate.keyPath), isSecret: false)], "tls.certificate", "/nonexistent/cert.pem"),
            (["tls.certificate": .init(.string(certificate.certificatePath), isSecret: false),
              "tls.key": .init(.string(certificate.certificatePath), isSecret: false)], "tls.key", certificate.certificatePath),
            (["tls.certificate": .init(.string(certificate.certificatePath), isSecret: false),
              "tls.key": .init(.string(other.keyPath), isSecret: false)], "tls.key", other.keyPath),
        ]
        for (values, key, named) in cases {
            do {
                _ = try config(values)
                Issue.record("accepted \(values)")
            } catch {
                #expect(error.key == key && error.description.contains(named), "\(error)")
            }
        }
    }
}

import Foundation
import MS5MQTT
import MS5MQTTTestSupport
import NIOSSL
import Testing

@Suite("MQTT over TLS")
struct TLSIntegrationTests {
    @Test("connects over TLS, verifying the broker's certificate, and exchanges messages")
    func tlsRoundTrip() async throws {
        try await MosquittoBroker.with(tls: true) { broker in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(try #require(broker.certificate).path)
            var configuration = testConfiguration(port: broker.port, version: .v5)
            configuration.tls = tls
            configuration.tlsServerName = "localhost"
            let client = MQTTClient(configuration: configuration)
            try await client.connect()
            try await client.subscribe(["secure/#"], qos: .atLeastOnce)
            try await client.publish(topic: "secure/x", payload: "sealed", qos: .atLeastOnce)
            #expect(try await messages(from: client, count: 1).map(\.payloadString) == ["sealed"])
            await client.disconnect()
        }
    }

    @Test("an untrusted broker certificate fails the connection with a clear error")
    func untrustedCertificate() async throws {
        try await MosquittoBroker.with(tls: true) { broker in
            var configuration = testConfiguration(port: broker.port, version: .v3_1_1)
            configuration.tls = TLSConfiguration.makeClientConfiguration()
            configuration.tlsServerName = "localhost"
            let client = MQTTClient(configuration: configuration)
            let error = await #expect(throws: MQTTClientError.self) { try await client.connect() }
            guard case .connectionFailed = error else {
                Issue.record("expected a failed connection (TLS handshake), got \(String(describing: error))")
                return
            }
        }
    }
}

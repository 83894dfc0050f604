import MS5MQTT
import Testing

@Suite("Keep-alive")
struct KeepAliveTests {
    @Test("PINGREQ is sent, and a server that stops answering is dropped and reconnected to")
    func silentServerIsDropped() async throws {
        let broker = try await ScriptedBroker.start(answersPings: false)
        do {
            var configuration = testConfiguration(port: broker.port, version: .v3_1_1)
            configuration.keepAlive = 1
            let client = MQTTClient(configuration: configuration)
            try await client.connect()
            let health = try await withHangGuard("the keep-alive timeout") {
                while true {
                    let health = await client.health()
                    if health.reconnectAttempts >= 1, broker.counts.connections >= 2 { return health }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(broker.counts.pings >= 1)
            #expect(health.reconnectAttempts >= 1)
            #expect(health.lastError == MQTTClientError.keepAliveTimeout.description)
            await client.disconnect()
            try await broker.close()
        } catch {
            try await broker.close()
            throw error
        }
    }
}

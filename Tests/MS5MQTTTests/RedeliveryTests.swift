import MS5MQTT
import Testing

@Suite("QoS 1 redelivery")
struct RedeliveryTests {
    @Test("a publish left unacknowledged when the connection drops is resent with DUP after reconnecting")
    func duplicateAfterReconnect() async throws {
        let broker = try await ScriptedBroker.start()
        do {
            let client = MQTTClient(configuration: testConfiguration(port: broker.port, version: .v3_1_1))
            try await client.connect()
            try await withHangGuard("the redelivered publish to be acknowledged") {
                try await client.publish(topic: "dup/x", payload: "once", qos: .atLeastOnce)
            }
            let publishes = broker.publishes
            #expect(publishes.map(\.connection) == [1, 2])
            #expect(publishes.map(\.duplicate) == [false, true])
            #expect(publishes.map(\.payload) == ["once", "once"])
            #expect(Set(publishes.map(\.packetIdentifier)).count == 1)
            let health = await client.health()
            #expect(health.unacknowledgedPublishes == 0)
            #expect(health.reconnectAttempts == 1)
            await client.disconnect()
            try await broker.close()
        } catch {
            try await broker.close()
            throw error
        }
    }
}

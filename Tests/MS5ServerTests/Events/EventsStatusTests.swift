import Foundation
import HTTPTypes
import HummingbirdTesting
import MS5Domain
import MS5Events
import MS5Kafka
@testable import MS5Server
import NIOCore
import Testing

@Suite("Events status")
struct EventsStatusTests {
    @Test("With brokers configured ms5 relays the outbox: the status and /metrics show the relay, the consumers and the backlog")
    func relayStatus() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        defer { cluster.destroy() }
        try await TestServer.run(roles: [.admin, .engineer, .operator], configure: { config in
            config.kafka = KafkaSettings(brokers: cluster.bootstrapServers)
        }) { server in
            let (_, _, line, _) = try await PlantAPITests.makePlant(server)
            for text in ["Seal open", "Film torn"] {
                _ = try await server.send(.post, "/v1/andon/calls", as: .operator, json: AndonCallInput(
                    lineId: line.id, category: .quality, priority: .high, text: text))
            }
            #expect(try await server.send(.get, "/v1/events/status", as: .operator).status == .forbidden)
            // Two calls raised: two events, which the relay sends and the broker acknowledges.
            var status = try TestServer.decode(EventsStatus.self, try await server.send(.get, "/v1/events/status", as: .engineer))
            let deadline = ContinuousClock.now + .seconds(30)
            // The relay counts an acknowledged batch just before it stores the position past it.
            while status.kafka?.relay.position != 2 || status.consumers.first(where: { $0.name == "kafka" })?.position != 2,
                  ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                status = try TestServer.decode(EventsStatus.self, try await server.send(.get, "/v1/events/status", as: .engineer))
            }
            #expect(status.head == 2)
            #expect(status.kafka?.brokers == cluster.bootstrapServers && status.kafka?.topicPrefix == "ms5")
            #expect(status.kafka?.relay.relaying == true && status.kafka?.relay.sent == 2 && status.kafka?.relay.failed == 0)
            let kafka = status.consumers.first { $0.name == "kafka" }
            #expect(kafka?.position == 2 && kafka?.backlog == 0 && kafka?.lagSeconds == 0 && kafka?.holder != nil)

            let metrics = String(buffer: try await server.send(.get, "/metrics", as: nil).body)
            #expect(metrics.contains("ms5_outbox_head_position 2"))
            #expect(metrics.contains(#"ms5_outbox_consumer_backlog_events{consumer="kafka"} 0"#))
            #expect(metrics.contains("ms5_kafka_relay_events_sent 2"))
            #expect(metrics.contains("ms5_kafka_relay_relaying 1"))
        }
    }
}

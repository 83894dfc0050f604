import Foundation
import MS5MQTT
import MS5MQTTTestSupport
import NIOCore
import SwiftProtobuf
import Testing

@Suite("Sparkplug B host against mosquitto")
struct SparkplugIntegrationTests {
    /// Reads host events until `stop` returns true for one of them.
    func events(from host: SparkplugHost, until stop: @escaping @Sendable (SparkplugEvent) -> Bool) async throws
        -> [SparkplugEvent]
    {
        try await withHangGuard("Sparkplug events") {
            var collected: [SparkplugEvent] = []
            for await event in host.events {
                collected.append(event)
                if stop(event) { return collected }
            }
            throw TestTimeout(what: "Sparkplug events (stream ended)")
        }
    }

    @Test("births, alias-only data, a sequence gap with rebirth, deaths and the host STATE")
    func edgeNodeLifecycle() async throws {
        try await MosquittoBroker.with { broker in
            let host = try SparkplugHost(
                configuration: SparkplugHostConfiguration(
                    hostID: "ms5-host", groupIDs: ["plant1"],
                    mqtt: testConfiguration(port: broker.port, clientID: "ms5-host", version: .v5)))
            try await host.start()

            // STATE is retained: a client that subscribes afterwards still gets it.
            let observer = MQTTClient(configuration: testConfiguration(port: broker.port, version: .v3_1_1))
            try await observer.connect()
            try await observer.subscribe(["spBv1.0/STATE/ms5-host"], qos: .atLeastOnce)
            let state = try await messages(from: observer, count: 1)[0]
            #expect(state.retain)
            let status = try JSONDecoder().decode(SparkplugHostStatus.self, from: Data(state.payloadBytes))
            #expect(status.online)
            #expect(status.timestamp > 0)

            let edge = MQTTClient(configuration: testConfiguration(port: broker.port, clientID: "edge1", version: .v3_1_1))
            try await edge.connect()
            try await edge.subscribe(["spBv1.0/plant1/NCMD/edge1"], qos: .atLeastOnce)
            func send(_ type: String, device: String? = nil, _ payload: SparkplugBPayload) async throws {
                let topic = ["spBv1.0/plant1", type, "edge1", device].compactMap { $0 }.joined(separator: "/")
                try await edge.publish(topic: topic, payload: try payload.serializedBytes() as [UInt8], qos: .atLeastOnce)
            }
            try await send("NBIRTH", SparkplugPayloads.nodeBirth(bdSeq: 0))
            try await send("DBIRTH", device: "bagger", SparkplugPayloads.baggerBirth(seq: 1))
            try await send(
                "DDATA", device: "bagger", SparkplugPayloads.baggerData(seq: 2, count: 42, running: true, temperature: 21.5))
            try await send(
                "DDATA", device: "bagger", SparkplugPayloads.baggerData(seq: 4, count: 43, running: true, temperature: 22))

            // The gap makes the host publish NCMD Node Control/Rebirth = true to this edge node.
            let command = try await messages(from: edge, count: 1)[0]
            #expect(command.topic == "spBv1.0/plant1/NCMD/edge1")
            let rebirth = try SparkplugBPayload(serializedBytes: command.payloadBytes)
            #expect(rebirth.metrics.map(\.name) == ["Node Control/Rebirth"])
            #expect(rebirth.metrics.first?.booleanValue == true)

            try await send("DDEATH", device: "bagger", SparkplugPayloads.payload(seq: 5, []))
            try await send("NDEATH", SparkplugPayloads.payload(seq: nil, [SparkplugPayloads.bdSeq(0)]))

            let received = try await events(from: host) { event in
                if case .connectivity(let change) = event { return change.deviceID == nil && !change.online }
                return false
            }
            let data = received.compactMap { event -> String? in
                guard case .metric(let update) = event, !update.isBirth else { return nil }
                return "\(update.groupID)/\(update.edgeNodeID)/\(update.deviceID ?? "-")/\(update.name)=\(update.value.doubleValue ?? .nan)"
            }
            #expect(
                data == [
                    "plant1/edge1/bagger/Count=42.0", "plant1/edge1/bagger/Running=1.0",
                    "plant1/edge1/bagger/Temperature=21.5", "plant1/edge1/bagger/Count=43.0",
                    "plant1/edge1/bagger/Running=1.0", "plant1/edge1/bagger/Temperature=22.0",
                ])
            let connectivity = received.compactMap { event -> String? in
                guard case .connectivity(let change) = event else { return nil }
                return "\(change.deviceID ?? "node"):\(change.online ? "online" : "offline")"
            }
            #expect(connectivity == ["node:online", "bagger:online", "bagger:offline", "node:offline"])
            #expect(received.contains(.rebirthRequested(
                groupID: "plant1", edgeNodeID: "edge1", reason: .sequenceGap(expected: 3, received: 4))))
            let health = await host.health()
            #expect(health.rebirthRequests == 1)
            #expect(health.onlineNodes == 0)
            #expect(health.mqtt.connected)

            await host.stop()
            let offline = try await messages(from: observer, count: 1)[0]
            #expect(try JSONDecoder().decode(SparkplugHostStatus.self, from: Data(offline.payloadBytes)).online == false)
            await edge.disconnect()
            await observer.disconnect()
        }
    }
}

import Foundation
import MS5MQTT
import MS5MQTTTestSupport
import NIOCore
import Testing

@Suite("MQTTClient against mosquitto")
struct ClientIntegrationTests {
    static let versions: [MQTTProtocolVersion] = [.v3_1_1, .v5]

    @Test("wildcard subscriptions receive exactly the matching topics", arguments: versions)
    func wildcardSubscription(version: MQTTProtocolVersion) async throws {
        try await MosquittoBroker.with { broker in
            let client = MQTTClient(configuration: testConfiguration(port: broker.port, version: version))
            try await client.connect()
            try await client.subscribe(["plant/+/line1/#", "alarms/+"], qos: .atLeastOnce)
            try await PythonPeer.publish(
                port: broker.port, topic: "plant/a/line1/bagger/count", payloads: ["1"])
            try await PythonPeer.publish(port: broker.port, topic: "plant/b/line2/bagger/count", payloads: ["2"])
            try await PythonPeer.publish(port: broker.port, topic: "plant/c/line1", payloads: ["3"])
            try await PythonPeer.publish(port: broker.port, topic: "alarms/x/y", payloads: ["4"])
            try await PythonPeer.publish(port: broker.port, topic: "alarms/end", payloads: ["5"])
            let received = try await messages(from: client, until: "alarms/end")
            #expect(received.map(\.topic) == ["plant/a/line1/bagger/count", "plant/c/line1", "alarms/end"])
            #expect(received.map(\.payloadString) == ["1", "3", "5"])
            #expect(received.allSatisfy { $0.qos == .atLeastOnce })
            await client.disconnect()
        }
    }

    @Test("QoS 1 publish returns after PUBACK and reaches a subscriber", arguments: versions)
    func qos1Delivery(version: MQTTProtocolVersion) async throws {
        try await MosquittoBroker.with { broker in
            let subscriber = MQTTClient(configuration: testConfiguration(port: broker.port, version: version))
            let publisher = MQTTClient(configuration: testConfiguration(port: broker.port, version: version))
            try await subscriber.connect()
            try await publisher.connect()
            try await subscriber.subscribe(["line/+/count"], qos: .atLeastOnce)
            for index in 1...5 {
                try await publisher.publish(topic: "line/1/count", payload: "\(index)", qos: .atLeastOnce)
            }
            #expect(await publisher.health().unacknowledgedPublishes == 0)
            let received = try await messages(from: subscriber, count: 5)
            #expect(received.map(\.payloadString) == ["1", "2", "3", "4", "5"])
            #expect(received.allSatisfy { $0.qos == .atLeastOnce && !$0.duplicate })
            let health = await subscriber.health()
            #expect(health.connected)
            #expect(health.messagesReceived == 5)
            await publisher.disconnect()
            await subscriber.disconnect()
        }
    }

    @Test("a persistent session gets the QoS 1 messages published while it was away", arguments: versions)
    func persistentSession(version: MQTTProtocolVersion) async throws {
        try await MosquittoBroker.with { broker in
            let clientID = "persistent-\(version.rawValue)-\(UUID().uuidString.prefix(6))"
            let configuration = testConfiguration(
                port: broker.port, clientID: clientID, version: version, cleanSession: false)
            let first = MQTTClient(configuration: configuration)
            try await first.connect()
            try await first.subscribe(["orders/#"], qos: .atLeastOnce)
            await first.disconnect()

            try await PythonPeer.publish(port: broker.port, topic: "orders/a", payloads: ["o1", "o2", "o3"])

            let second = MQTTClient(configuration: configuration)
            try await second.connect()
            let queued = try await messages(from: second, count: 3)
            #expect(queued.map(\.payloadString) == ["o1", "o2", "o3"])
            #expect(queued.allSatisfy { $0.qos == .atLeastOnce })
            await second.disconnect()

            // The second session acknowledged everything: a third sees only what is new.
            try await PythonPeer.publish(port: broker.port, topic: "orders/end", payloads: ["marker"])
            let third = MQTTClient(configuration: configuration)
            try await third.connect()
            let next = try await messages(from: third, count: 1)
            #expect(next.map(\.payloadString) == ["marker"])
            await third.disconnect()
        }
    }

    @Test("user name and password are accepted, a wrong password is refused clearly", arguments: versions)
    func credentials(version: MQTTProtocolVersion) async throws {
        try await MosquittoBroker.with(users: ["operator": "s3cret"]) { broker in
            let good = MQTTClient(
                configuration: testConfiguration(
                    port: broker.port, version: version,
                    credentials: MQTTCredentials(username: "operator", password: "s3cret")))
            try await good.connect()
            #expect(await good.health().connected)
            await good.disconnect()

            let bad = MQTTClient(
                configuration: testConfiguration(
                    port: broker.port, version: version,
                    credentials: MQTTCredentials(username: "operator", password: "wrong")))
            let error = await #expect(throws: MQTTClientError.self) { try await bad.connect() }
            guard case .connectionRefused(let code, _) = error else {
                Issue.record("expected connectionRefused, got \(String(describing: error))")
                return
            }
            #expect([MQTTReasonCode.badUserNameOrPassword, .notAuthorized].contains(code))
            #expect(error?.description.contains("broker refused the connection") == true)
            #expect(await bad.health().connected == false)
        }
    }

    @Test("after a broker restart the client reconnects, re-subscribes and receives again", arguments: versions)
    func reconnectAfterRestart(version: MQTTProtocolVersion) async throws {
        try await MosquittoBroker.with { broker in
            let client = MQTTClient(configuration: testConfiguration(port: broker.port, version: version))
            try await client.connect()
            try await client.subscribe(["restart/#"], qos: .atLeastOnce)
            try await PythonPeer.publish(port: broker.port, topic: "restart/before", payloads: ["b"])
            #expect(try await messages(from: client, until: "restart/before").last?.payloadString == "b")

            try await broker.restart()
            // Retained, so it is delivered whether the client re-subscribes before or after this publish.
            try await PythonPeer.publish(port: broker.port, topic: "restart/after", payloads: ["a"], retain: true)
            #expect(try await messages(from: client, until: "restart/after").last?.payloadString == "a")
            let health = await client.health()
            #expect(health.connected)
            #expect(health.reconnectAttempts >= 1)
            #expect(health.lastError != nil)
            await client.disconnect()
        }
    }

    @Test("a QoS 1 publish made while the broker is down is delivered after reconnecting")
    func queuedPublishDeliveredAfterReconnect() async throws {
        try await MosquittoBroker.with { broker in
            let publisher = MQTTClient(configuration: testConfiguration(port: broker.port, version: .v5))
            try await publisher.connect()
            broker.stop()
            let pending = Task {
                try await publisher.publish(topic: "queued/x", payload: "late", qos: .atLeastOnce, retain: true)
            }
            try await broker.restart()
            try await withHangGuard("the queued publish to be acknowledged") { try await pending.value }
            #expect(await publisher.health().unacknowledgedPublishes == 0)

            let subscriber = MQTTClient(configuration: testConfiguration(port: broker.port, version: .v3_1_1))
            try await subscriber.connect()
            try await subscriber.subscribe(["queued/#"], qos: .atLeastOnce)
            let received = try await messages(from: subscriber, count: 1)
            #expect(received.map(\.payloadString) == ["late"])
            #expect(received.first?.retain == true)
            await subscriber.disconnect()
            await publisher.disconnect()
        }
    }
}

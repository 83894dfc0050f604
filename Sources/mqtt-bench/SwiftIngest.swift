import MS5MQTT

/// An MQTTClient subscriber that decodes every message to samples and counts them.
struct SwiftIngest {
    let client: MQTTClient
    let counter: SampleCounter
    let consumer: Task<Void, Never>

    /// Connects, subscribes and starts decoding with a JSON binding on `$.value` / `$.ts`.
    static func start(port: Int, clientID: String, filter: String, qos: MQTTQoS, cleanSession: Bool = true)
        async throws -> SwiftIngest
    {
        let decoder = JSONTopicDecoder(bindings: [
            try JSONTopicBinding(
                topicPattern: "bench/+/data", equipment: "bench", metricKey: "{1}", valuePath: "$.value",
                timestampPath: "$.ts")
        ])
        let client = MQTTClient(
            configuration: MQTTClientConfiguration(
                host: "127.0.0.1", port: port, clientIdentifier: clientID, cleanSession: cleanSession))
        let counter = SampleCounter()
        let consumer = Task {
            for await message in client.messages {
                do {
                    counter.record(samples: try decoder.decode(message).count, failed: false)
                } catch {
                    counter.record(samples: 0, failed: true)
                }
            }
        }
        try await client.connect()
        try await client.subscribe([filter], qos: qos)
        return SwiftIngest(client: client, counter: counter, consumer: consumer)
    }

    /// Waits until `expected` messages were counted or none arrived for `idleSeconds`, then disconnects.
    func finish(expected: Int, idleSeconds: Double) async throws {
        var seen = counter.count
        var lastProgress = ContinuousClock.now
        while counter.count < expected, ContinuousClock.now - lastProgress < .seconds(idleSeconds) {
            try await Task.sleep(for: .milliseconds(100))
            if counter.count != seen {
                seen = counter.count
                lastProgress = .now
            }
        }
        await client.disconnect()
        await consumer.value
    }
}

import ArgumentParser
import Foundation
import MS5MQTT
import MS5MQTTTestSupport

/// Measures how many messages per second the Swift client receives and decodes to samples,
/// next to a paho-mqtt subscriber, at QoS 0 and QoS 1, in two scenarios:
///
/// - live: both subscribe, then a Python publisher sends `count` messages as fast as it can;
///   both count what they receive (the feed rate bounds both);
/// - backlog: both prepare a persistent session, the publisher queues `count` messages at the
///   broker, then each subscriber in turn reconnects and drains its queue alone (the subscriber
///   and the broker bound the rate).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mqtt-bench",
        abstract: "Ingest throughput of MS5MQTT versus paho-mqtt against a private mosquitto.")

    @Option(help: "Messages the Python publisher sends per measurement.")
    var count = 100_000

    @Option(help: "QoS levels to measure, comma separated.")
    var qos = "0,1"

    @Option(help: "Seconds without new messages after which a subscriber stops counting.")
    var idleSeconds = 5.0

    func run() async throws {
        let levels = qos.split(separator: ",").compactMap { MQTTQoS(rawValue: UInt8($0) ?? 9) }
        let brokerConfiguration = ["max_queued_messages 0", "queue_qos0_messages true", "max_inflight_messages 100"]
        try await MosquittoBroker.with(extraConfiguration: brokerConfiguration) { broker in
            print("mosquitto on 127.0.0.1:\(broker.port), \(count) messages per measurement")
            for level in levels {
                try await measureLive(level, port: broker.port)
                try await measureBacklog(level, port: broker.port)
            }
        }
    }

    private func measureLive(_ level: MQTTQoS, port: Int) async throws {
        let topic = "bench/live\(level.rawValue)/data"
        let files = try PeerFiles()
        defer { files.remove() }
        let paho = try PythonPeer.startCountingSubscriber(
            port: port, filter: topic, qos: Int(level.rawValue), count: count, readyFile: files.ready,
            resultFile: files.result, idleSeconds: idleSeconds)
        defer { if paho.isRunning { kill(paho.processIdentifier, SIGKILL) } }
        let ingest = try await SwiftIngest.start(port: port, clientID: "ms5-live", filter: topic, qos: level)
        try await waitUntil(seconds: 30) { FileManager.default.fileExists(atPath: files.ready.path) }
        try await PythonPeer.flood(port: port, topic: topic, count: count, qos: Int(level.rawValue))
        try await ingest.finish(expected: count, idleSeconds: idleSeconds)
        try await waitUntil(seconds: 600) { !paho.isRunning }
        report("live", level, swift: ingest.counter, paho: try PythonPeer.subscriberResult(files.result))
    }

    private func measureBacklog(_ level: MQTTQoS, port: Int) async throws {
        let topic = "bench/backlog\(level.rawValue)/data"
        let pahoID = "paho-backlog-\(level.rawValue)"
        let swiftID = "ms5-backlog-\(level.rawValue)"
        let files = try PeerFiles()
        defer { files.remove() }
        let prepare = try PythonPeer.startCountingSubscriber(
            port: port, filter: topic, qos: Int(level.rawValue), count: 0, readyFile: files.ready,
            resultFile: files.result, clientID: pahoID, persistent: true)
        try await waitUntil(seconds: 30) { !prepare.isRunning }
        let session = MQTTClient(
            configuration: MQTTClientConfiguration(
                host: "127.0.0.1", port: port, clientIdentifier: swiftID, cleanSession: false))
        try await session.connect()
        try await session.subscribe([topic], qos: level)
        await session.disconnect()

        try await PythonPeer.flood(port: port, topic: topic, count: count, qos: Int(level.rawValue))

        let paho = try PythonPeer.startCountingSubscriber(
            port: port, filter: topic, qos: Int(level.rawValue), count: count, readyFile: files.ready,
            resultFile: files.result, idleSeconds: idleSeconds, clientID: pahoID, persistent: true)
        defer { if paho.isRunning { kill(paho.processIdentifier, SIGKILL) } }
        try await waitUntil(seconds: 600) { !paho.isRunning }
        let ingest = try await SwiftIngest.start(
            port: port, clientID: swiftID, filter: topic, qos: level, cleanSession: false)
        try await ingest.finish(expected: count, idleSeconds: idleSeconds)
        report("backlog", level, swift: ingest.counter, paho: try PythonPeer.subscriberResult(files.result))
    }

    private func report(_ scenario: String, _ level: MQTTQoS, swift: SampleCounter, paho: (received: Int, seconds: Double)) {
        let swiftRate = Double(swift.count) / max(swift.seconds, 1e-9)
        let pahoRate = Double(paho.received) / max(paho.seconds, 1e-9)
        let label = "\(scenario) QoS \(level.rawValue):"
        print(
            "\(label) MS5MQTT   \(swift.count)/\(count) msgs (\(swift.failures) decode errors) in "
                + "\(format(swift.seconds)) s = \(format(swiftRate, digits: 0)) msgs/s")
        print(
            "\(label) paho-mqtt \(paho.received)/\(count) msgs in \(format(paho.seconds)) s = "
                + "\(format(pahoRate, digits: 0)) msgs/s")
        print("\(label) ratio MS5MQTT / paho-mqtt = \(format(swiftRate / max(pahoRate, 1e-9)))")
    }

    private func format(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// Polls `condition` every 50 ms until it holds, failing after `seconds`.
func waitUntil(seconds: Int, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            throw TestSupportError.peerFailed(status: -1, output: "gave up waiting for a peer after \(seconds) s")
        }
        try await Task.sleep(for: .milliseconds(50))
    }
}

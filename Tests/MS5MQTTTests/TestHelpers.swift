import Foundation
import MS5MQTT
import MS5Retry

/// Raised when a test waited far longer than any healthy run needs (a hang guard, not a timing check).
struct TestTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "gave up waiting for \(what)" }
}

/// Runs `body`, failing with ``TestTimeout`` if it has not finished after a generous guard interval.
func withHangGuard<Value: Sendable>(
    _ what: String, seconds: Int = 60, _ body: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TestTimeout(what: what) }
        return value
    }
}

/// Reads messages from `client` until one arrives on `topic`, returning all read (that one included).
func messages(from client: MQTTClient, until topic: String) async throws -> [MQTTMessage] {
    try await withHangGuard("a message on \(topic)") {
        var received: [MQTTMessage] = []
        for await message in client.messages {
            received.append(message)
            if message.topic == topic { return received }
        }
        throw TestTimeout(what: "a message on \(topic) (stream ended)")
    }
}

/// Reads exactly `count` messages from `client`.
func messages(from client: MQTTClient, count: Int) async throws -> [MQTTMessage] {
    try await withHangGuard("\(count) messages") {
        var received: [MQTTMessage] = []
        for await message in client.messages {
            received.append(message)
            if received.count == count { return received }
        }
        throw TestTimeout(what: "\(count) messages (stream ended after \(received.count))")
    }
}

/// A client configuration for a local test broker with fast reconnects.
func testConfiguration(
    port: Int, clientID: String = "ms5-\(UUID().uuidString.prefix(8))", version: MQTTProtocolVersion,
    cleanSession: Bool = true, credentials: MQTTCredentials? = nil, will: MQTTWill? = nil
) -> MQTTClientConfiguration {
    MQTTClientConfiguration(
        host: "127.0.0.1", port: port, clientIdentifier: clientID, protocolVersion: version,
        cleanSession: cleanSession, keepAlive: 10, credentials: credentials, will: will,
        reconnectPolicy: Backoff(initial: .milliseconds(50), maximum: .milliseconds(500)))
}

/// Failures reported by ``MQTTClient``.
public enum MQTTClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broker answered CONNECT with a failure reason (bad credentials, not authorized, ...).
    case connectionRefused(MQTTReasonCode, reasonString: String?)
    /// The broker refused a subscription.
    case subscriptionRejected(filter: String, MQTTReasonCode)
    /// The broker answered a QoS 1 publish with a failure reason (MQTT 5).
    case publishRejected(topic: String, MQTTReasonCode)
    /// The broker sent DISCONNECT with a reason (MQTT 5).
    case serverDisconnected(MQTTReasonCode, reasonString: String?)
    /// A QoS 0 publish was attempted while no connection is open.
    case notConnected
    /// ``MQTTClient/connect()`` was called a second time.
    case alreadyStarted
    /// ``MQTTClient/disconnect()`` was called; the client is finished.
    case clientClosed
    /// The TCP or TLS connection to the broker could not be opened.
    case connectionFailed(String)
    /// The connection ended unexpectedly.
    case connectionLost(String)
    /// The broker sent nothing within one and a half keep-alive intervals.
    case keepAliveTimeout
    /// No CONNACK arrived within the connect timeout.
    case connectTimeout
    /// The broker broke the protocol.
    case protocolViolation(String)
    /// A topic name or filter is invalid.
    case invalidTopic(MQTTTopicFilter.ValidationError)
    /// Reconnection gave up after the policy's maximum attempts.
    case reconnectAttemptsExhausted(Int)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .connectionRefused(let code, let reason):
            "broker refused the connection: \(code)" + (reason.map { " – \($0)" } ?? "")
        case .subscriptionRejected(let filter, let code):
            "broker rejected the subscription to '\(filter)': \(code)"
        case .publishRejected(let topic, let code):
            "broker rejected the publish to '\(topic)': \(code)"
        case .serverDisconnected(let code, let reason):
            "broker disconnected the client: \(code)" + (reason.map { " – \($0)" } ?? "")
        case .notConnected: "not connected to the broker"
        case .alreadyStarted: "connect() was already called on this client"
        case .clientClosed: "the client was disconnected by the application"
        case .connectionFailed(let detail): "could not connect to the broker: \(detail)"
        case .connectionLost(let detail): "connection lost: \(detail)"
        case .keepAliveTimeout: "the broker did not answer within the keep-alive interval"
        case .connectTimeout: "no CONNACK within the connect timeout"
        case .protocolViolation(let detail): "protocol violation: \(detail)"
        case .invalidTopic(let error): "invalid topic: \(error)"
        case .reconnectAttemptsExhausted(let attempts): "gave up after \(attempts) reconnection attempts"
        }
    }
}

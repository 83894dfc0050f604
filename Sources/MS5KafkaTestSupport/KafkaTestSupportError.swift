/// Failures of the helpers that start a Kafka broker and run kcat.
public enum KafkaTestSupportError: Error, Sendable, CustomStringConvertible {
    /// A required program is not installed.
    case programNotFound(path: String, hint: String)
    /// The broker did not accept connections before the deadline.
    case brokerDidNotStart(port: Int, log: String)
    /// A peer program exited with a failure status.
    case peerFailed(status: Int32, output: String)
    /// A peer program did not finish before its deadline and was killed.
    case peerTimedOut(output: String)
    /// A system call failed.
    case systemCall(String, errno: Int32)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .programNotFound(let path, let hint):
            "\(path) was not found; \(hint)"
        case .brokerDidNotStart(let port, let log):
            "the Kafka broker did not listen on 127.0.0.1:\(port) in time; log:\n\(log)"
        case .peerFailed(let status, let output):
            "peer program exited with status \(status):\n\(output)"
        case .peerTimedOut(let output):
            "peer program did not finish in time and was killed:\n\(output)"
        case .systemCall(let name, let errno):
            "\(name) failed with errno \(errno)"
        }
    }
}

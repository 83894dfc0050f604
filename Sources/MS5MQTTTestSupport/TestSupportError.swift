/// Failures of the helpers that start brokers and peer programs.
public enum TestSupportError: Error, Sendable, CustomStringConvertible {
    /// A required program is not installed.
    case programNotFound(String)
    /// The broker did not accept connections before the deadline.
    case brokerDidNotStart(port: Int, log: String)
    /// A peer program exited with a failure status.
    case peerFailed(status: Int32, output: String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .programNotFound(let name):
            "\(name) was not found; install it (scripts/test.sh does) or set its path in the environment"
        case .brokerDidNotStart(let port, let log):
            "mosquitto did not listen on 127.0.0.1:\(port) in time; log:\n\(log)"
        case .peerFailed(let status, let output):
            "peer program exited with status \(status):\n\(output)"
        }
    }
}

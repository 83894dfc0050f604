/// Errors reported by ``OPCUAClient`` and ``OPCUASubscriber``; descriptions are meant for operators.
public enum OPCUAError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A service call or operation returned a bad status; `operation` names what was attempted.
    case status(StatusCode, operation: String)
    /// The server sent a transport-level Error message (or aborted a message) and closed the connection.
    case serverError(StatusCode, reason: String)
    /// The TCP connection is closed or was lost.
    case connectionClosed
    /// The client is not connected (``OPCUAClient/connect()`` was not called or failed).
    case notConnected
    /// No response arrived within the request timeout.
    case timeout(operation: String)
    /// The endpoint URL is not of the form `opc.tcp://host:port/path`.
    case invalidEndpointURL(String)
    /// The server's response could not be decoded.
    case decoding(UADecodingError)
    /// The server answered with something the protocol does not allow at this point.
    case protocolViolation(String)
    /// The server offers no endpoint/user token policy usable with SecurityPolicy None for the credentials.
    case noUsableEndpoint(String)

    /// The OPC UA status code behind the error, when there is one.
    public var statusCode: StatusCode? {
        switch self {
        case let .status(code, _), let .serverError(code, _): code
        case .connectionClosed: .badConnectionClosed
        case .timeout: .badTimeout
        case .decoding: .badDecodingError
        default: nil
        }
    }

    public var description: String {
        switch self {
        case let .status(code, operation): "\(operation) failed: \(code)"
        case let .serverError(code, reason): "server closed the connection: \(code)\(reason.isEmpty ? "" : " – \(reason)")"
        case .connectionClosed: "the connection to the OPC UA server is closed"
        case .notConnected: "not connected to an OPC UA server"
        case let .timeout(operation): "\(operation) timed out"
        case let .invalidEndpointURL(url): "invalid endpoint URL '\(url)': expected opc.tcp://host:port/path"
        case let .decoding(error): "could not decode the server's response: \(error)"
        case let .protocolViolation(message): "OPC UA protocol violation: \(message)"
        case let .noUsableEndpoint(message): "no usable endpoint: \(message)"
        }
    }
}

/// Every error the Modbus client reports.
public enum ModbusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with an exception response.
    case exception(functionCode: UInt8, ModbusExceptionCode)
    /// No response arrived within the request timeout.
    case timeout
    /// The TCP connection could not be opened.
    case connectionFailed(String)
    /// The TCP connection closed before the response arrived, or was already closed.
    case connectionClosed
    /// The response did not follow the protocol.
    case malformedResponse(String)
    /// A request was not valid (quantity out of range, wrong table, value that does not fit).
    case invalidRequest(String)
    /// A value cannot be encoded for the requested address.
    case invalidValue(String)

    /// A sentence describing the error.
    public var description: String {
        switch self {
        case .exception(let functionCode, let code): "Modbus exception for function \(functionCode): \(code)"
        case .timeout: "request timed out"
        case .connectionFailed(let reason): "connection failed: \(reason)"
        case .connectionClosed: "connection closed"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .invalidValue(let reason): "invalid value: \(reason)"
        }
    }
}

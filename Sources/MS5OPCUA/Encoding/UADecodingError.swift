/// Failure while decoding OPC UA Binary data.
public enum UADecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer bytes were available than the encoding requires.
    case truncated(expected: Int, available: Int)
    /// A length prefix exceeds the accepted maximum.
    case lengthTooLarge(Int)
    /// An encoding byte or enumeration value is not defined by the specification.
    case invalidValue(field: String, value: Int)
    /// The message body has an unexpected type.
    case unexpectedType(expected: UInt32, actual: String)

    public var description: String {
        switch self {
        case let .truncated(expected, available):
            "truncated OPC UA message: needed \(expected) bytes, \(available) available"
        case let .lengthTooLarge(length):
            "OPC UA length prefix \(length) exceeds the limit"
        case let .invalidValue(field, value):
            "invalid OPC UA \(field) value \(value)"
        case let .unexpectedType(expected, actual):
            "unexpected OPC UA message type \(actual), expected encoding id i=\(expected)"
        }
    }
}

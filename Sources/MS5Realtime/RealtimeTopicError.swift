/// Why a topic string could not be parsed.
public enum RealtimeTopicError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The part before `:` is not a known kind.
    case unknownKind(String)
    /// A kind that needs a UUID came without one.
    case missingIdentifier(String)
    /// The identifier is not a UUID.
    case invalidIdentifier(String)
    /// A kind without identifier (`plant`, `andon`) came with one.
    case unexpectedIdentifier(String)

    /// A message suitable for the client.
    public var description: String {
        switch self {
        case .unknownKind(let topic): "unknown topic kind in '\(topic)'"
        case .missingIdentifier(let topic): "topic '\(topic)' needs a UUID, as in kind:{uuid}"
        case .invalidIdentifier(let topic): "topic '\(topic)' has an identifier that is not a UUID"
        case .unexpectedIdentifier(let topic): "topic '\(topic)' takes no identifier"
        }
    }
}

/// Why a message on a bound topic could not be turned into samples.
public enum JSONTopicDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The payload is not JSON.
    case invalidJSON(topic: String, detail: String)
    /// The value path does not exist in the payload.
    case missingValue(topic: String, path: String)
    /// The value is neither a number, a numeric string nor a boolean.
    case notNumeric(topic: String, path: String, found: String)
    /// The timestamp path does not exist in the payload.
    case missingTimestamp(topic: String, path: String)
    /// The timestamp is neither ISO 8601 nor epoch milliseconds.
    case invalidTimestamp(topic: String, path: String, found: String)

    /// A sentence naming the topic, the path and what was found.
    public var description: String {
        switch self {
        case .invalidJSON(let topic, let detail):
            "payload on '\(topic)' is not valid JSON: \(detail)"
        case .missingValue(let topic, let path):
            "payload on '\(topic)' has no value at '\(path)'"
        case .notNumeric(let topic, let path, let found):
            "value at '\(path)' on '\(topic)' is \(found), expected a number or boolean"
        case .missingTimestamp(let topic, let path):
            "payload on '\(topic)' has no timestamp at '\(path)'"
        case .invalidTimestamp(let topic, let path, let found):
            "timestamp at '\(path)' on '\(topic)' is \(found), expected ISO 8601 or epoch milliseconds"
        }
    }
}

/// A validated MQTT topic filter that can be matched against topic names.
///
/// `+` matches exactly one level, `#` (last level only) matches the parent level and
/// everything below it, and a filter starting with a wildcard never matches a topic
/// starting with `$` (MQTT 3.1.1 section 4.7, MQTT 5 section 4.7).
public struct MQTTTopicFilter: Sendable, Hashable, CustomStringConvertible {
    /// Why a string is not a valid topic filter or topic name.
    public enum ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Empty filters and topics are not allowed.
        case empty
        /// `#` appears somewhere other than alone in the last level.
        case misplacedMultiLevelWildcard(String)
        /// `+` shares a level with other characters.
        case misplacedSingleLevelWildcard(String)
        /// A topic name (for PUBLISH) contains a wildcard.
        case wildcardInTopicName(String)

        /// A sentence naming the problem.
        public var description: String {
            switch self {
            case .empty: "topic filters and names must not be empty"
            case .misplacedMultiLevelWildcard(let filter): "'#' must be the whole last level in '\(filter)'"
            case .misplacedSingleLevelWildcard(let filter): "'+' must be a whole level in '\(filter)'"
            case .wildcardInTopicName(let topic): "topic name '\(topic)' must not contain '+' or '#'"
            }
        }
    }

    /// The filter text.
    public let filter: String
    private let levels: [Substring]

    /// Validates `filter`.
    /// - Throws: ``ValidationError`` when wildcards are misplaced or the filter is empty.
    public init(_ filter: String) throws {
        guard !filter.isEmpty else { throw ValidationError.empty }
        let levels = filter.split(separator: "/", omittingEmptySubsequences: false)
        for (index, level) in levels.enumerated() {
            if level.contains("#"), level != "#" || index != levels.count - 1 {
                throw ValidationError.misplacedMultiLevelWildcard(filter)
            }
            if level.contains("+"), level != "+" {
                throw ValidationError.misplacedSingleLevelWildcard(filter)
            }
        }
        self.filter = filter
        self.levels = levels
    }

    /// Checks that `topic` is usable as a PUBLISH topic name.
    /// - Throws: ``ValidationError`` when it is empty or contains a wildcard.
    public static func validateTopicName(_ topic: String) throws {
        guard !topic.isEmpty else { throw ValidationError.empty }
        guard !topic.contains("+"), !topic.contains("#") else { throw ValidationError.wildcardInTopicName(topic) }
    }

    /// Whether a message published to `topic` matches this filter.
    public func matches(_ topic: String) -> Bool {
        if topic.hasPrefix("$"), levels.first == "+" || levels.first == "#" { return false }
        var topicLevels = topic.split(separator: "/", omittingEmptySubsequences: false)[...]
        for level in levels {
            if level == "#" { return true }
            guard let topicLevel = topicLevels.popFirst() else { return false }
            if level != "+", level != topicLevel { return false }
        }
        return topicLevels.isEmpty
    }

    /// The captured values of the `+` levels when `topic` matches, in order; `nil` otherwise.
    public func wildcardValues(in topic: String) -> [String]? {
        guard matches(topic) else { return nil }
        let topicLevels = topic.split(separator: "/", omittingEmptySubsequences: false)
        return zip(levels, topicLevels).compactMap { $0.0 == "+" ? String($0.1) : nil }
    }

    /// The filter text.
    public var description: String { filter }
}

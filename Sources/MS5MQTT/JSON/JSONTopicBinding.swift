import Foundation

/// Maps messages on a topic pattern to one equipment metric read from JSON paths.
///
/// `equipment` and `metricKey` may contain `{1}`, `{2}`, … which are replaced by the topic
/// levels matched by the first, second, … `+` wildcard of `topicPattern`.
public struct JSONTopicBinding: Sendable, Hashable {
    /// The MQTT topic filter this binding applies to, such as `plant/+/line1/bagger/count`.
    public let topicPattern: MQTTTopicFilter
    /// The equipment name (template).
    public var equipment: String
    /// The metric key (template).
    public var metricKey: String
    /// Where the numeric or boolean value is, such as `$.value` or `data.count`.
    public var valuePath: JSONPath
    /// Where the timestamp is (ISO 8601 string or epoch milliseconds); `nil` uses the receive time.
    public var timestampPath: JSONPath?
    /// Where a quality is (`"good"`/`"uncertain"`/`"bad"` or a boolean); `nil` means always good.
    public var qualityPath: JSONPath?

    /// Creates a binding from strings.
    /// - Throws: ``MQTTTopicFilter/ValidationError`` or ``JSONPath/ParseError`` for malformed patterns or paths.
    public init(
        topicPattern: String,
        equipment: String,
        metricKey: String,
        valuePath: String,
        timestampPath: String? = nil,
        qualityPath: String? = nil
    ) throws {
        self.topicPattern = try MQTTTopicFilter(topicPattern)
        self.equipment = equipment
        self.metricKey = metricKey
        self.valuePath = try JSONPath(valuePath)
        self.timestampPath = try timestampPath.map(JSONPath.init)
        self.qualityPath = try qualityPath.map(JSONPath.init)
    }

    /// Replaces `{n}` in `template` with the n-th wildcard capture.
    func expand(_ template: String, captures: [String]) -> String {
        var result = template
        for (index, capture) in captures.enumerated() {
            result = result.replacingOccurrences(of: "{\(index + 1)}", with: capture)
        }
        return result
    }
}

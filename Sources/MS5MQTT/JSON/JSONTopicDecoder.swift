import Foundation
import MS5JSON
import NIOCore

/// Turns MQTT messages into samples using ``JSONTopicBinding``s. Pure: no I/O, no state.
public struct JSONTopicDecoder: Sendable {
    /// The bindings tried for every message.
    public var bindings: [JSONTopicBinding]

    /// Creates a decoder.
    public init(bindings: [JSONTopicBinding]) {
        self.bindings = bindings
    }

    /// One sample per binding whose pattern matches the message's topic (none when nothing matches).
    /// - Throws: ``JSONTopicDecodingError`` when a matching binding cannot read its value or timestamp.
    public func decode(_ message: MQTTMessage) throws -> [MQTTSample] {
        let matches = bindings.compactMap { binding in
            binding.topicPattern.wildcardValues(in: message.topic).map { (binding, $0) }
        }
        guard !matches.isEmpty else { return [] }
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(message.payload.readableBytesView))
        } catch {
            throw JSONTopicDecodingError.invalidJSON(topic: message.topic, detail: Self.describe(error))
        }
        return try matches.map { binding, captures in
            MQTTSample(
                equipment: binding.expand(binding.equipment, captures: captures),
                metricKey: binding.expand(binding.metricKey, captures: captures),
                value: try Self.value(in: document, binding: binding, topic: message.topic),
                timestamp: try Self.timestamp(in: document, binding: binding, message: message),
                quality: Self.quality(in: document, binding: binding),
                topic: message.topic
            )
        }
    }

    private static func value(in document: JSONValue, binding: JSONTopicBinding, topic: String) throws -> Double {
        let path = binding.valuePath
        guard let found = path.value(in: document) else {
            throw JSONTopicDecodingError.missingValue(topic: topic, path: path.text)
        }
        switch found {
        case .number(let number): return number
        case .bool(let bool): return bool ? 1 : 0
        case .string(let text):
            if let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite { return number }
        default: break
        }
        throw JSONTopicDecodingError.notNumeric(topic: topic, path: path.text, found: found.summary)
    }

    private static func timestamp(in document: JSONValue, binding: JSONTopicBinding, message: MQTTMessage) throws
        -> Date
    {
        guard let path = binding.timestampPath else { return message.receivedAt }
        guard let found = path.value(in: document) else {
            throw JSONTopicDecodingError.missingTimestamp(topic: message.topic, path: path.text)
        }
        switch found {
        case .number(let milliseconds):
            return Date(timeIntervalSince1970: milliseconds / 1000)
        case .string(let text):
            if let milliseconds = Double(text) { return Date(timeIntervalSince1970: milliseconds / 1000) }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
                return date
            }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        default: break
        }
        throw JSONTopicDecodingError.invalidTimestamp(topic: message.topic, path: path.text, found: found.summary)
    }

    private static func quality(in document: JSONValue, binding: JSONTopicBinding) -> MQTTSampleQuality {
        guard let path = binding.qualityPath else { return .good }
        switch path.value(in: document) {
        case .bool(let good): return good ? .good : .bad
        case .string(let text): return MQTTSampleQuality(rawValue: text.lowercased()) ?? .uncertain
        default: return .uncertain
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
        }
        return String(describing: error)
    }
}

import Foundation
import MS5MQTT
import NIOCore
import Testing

@Suite("JSON topic bindings")
struct JSONTopicDecoderTests {
    let receivedAt = Date(timeIntervalSince1970: 1_000)

    func message(_ topic: String, _ json: String) -> MQTTMessage {
        MQTTMessage(topic: topic, payload: ByteBuffer(string: json), receivedAt: receivedAt)
    }

    @Test("value and epoch-millisecond timestamp from $-paths, equipment from the wildcard")
    func epochMillis() throws {
        let decoder = JSONTopicDecoder(bindings: [
            try JSONTopicBinding(
                topicPattern: "plant/+/line1/bagger/count", equipment: "{1}-line1-bagger", metricKey: "count",
                valuePath: "$.value", timestampPath: "$.ts")
        ])
        let samples = try decoder.decode(message("plant/p7/line1/bagger/count", #"{"value": 1234, "ts": 1700000000500}"#))
        #expect(
            samples == [
                MQTTSample(
                    equipment: "p7-line1-bagger", metricKey: "count", value: 1234,
                    timestamp: Date(timeIntervalSince1970: 1_700_000_000.5), topic: "plant/p7/line1/bagger/count")
            ])
    }

    @Test("nested dotted path, booleans as 1/0, ISO 8601 timestamps and quality")
    func nestedBooleanISO() throws {
        let decoder = JSONTopicDecoder(bindings: [
            try JSONTopicBinding(
                topicPattern: "line1/filler/status", equipment: "filler", metricKey: "running",
                valuePath: "data.running", timestampPath: "data.time", qualityPath: "data.quality"),
            try JSONTopicBinding(
                topicPattern: "line1/+/status", equipment: "{1}", metricKey: "speed", valuePath: "data.speeds[1]"),
        ])
        let payload = #"{"data": {"running": true, "time": "2024-03-01T12:00:00.250Z", "quality": "Uncertain", "speeds": [10, "42.5"]}}"#
        let samples = try decoder.decode(message("line1/filler/status", payload))
        #expect(samples.count == 2)
        #expect(samples[0].value == 1)
        // 2024-03-01T12:00:00Z is 1709294400 s after the epoch.
        #expect(samples[0].timestamp == Date(timeIntervalSince1970: 1_709_294_400.25))
        #expect(samples[0].quality == .uncertain)
        #expect(samples[1].equipment == "filler")
        #expect(samples[1].value == 42.5)
        #expect(samples[1].timestamp == receivedAt)
        #expect(samples[1].quality == .good)
    }

    @Test("a bare JSON number with $ and a false boolean; ISO 8601 without fractions")
    func rootValue() throws {
        let decoder = JSONTopicDecoder(bindings: [
            try JSONTopicBinding(topicPattern: "m/+", equipment: "m", metricKey: "{1}", valuePath: "$"),
            try JSONTopicBinding(
                topicPattern: "s/+", equipment: "s", metricKey: "ok", valuePath: "$.ok", timestampPath: "$.t"),
        ])
        #expect(try decoder.decode(message("m/temp", "21.5")).map(\.value) == [21.5])
        #expect(try decoder.decode(message("m/temp", "21.5")).map(\.metricKey) == ["temp"])
        let status = try decoder.decode(message("s/1", #"{"ok": false, "t": "1970-01-02T00:00:00Z"}"#))
        #expect(status.map(\.value) == [0])
        #expect(status.map(\.timestamp) == [Date(timeIntervalSince1970: 86_400)])
    }

    @Test("topics that match no binding give no samples, even with a bad payload")
    func unmatched() throws {
        let decoder = JSONTopicDecoder(bindings: [
            try JSONTopicBinding(topicPattern: "a/b", equipment: "e", metricKey: "k", valuePath: "v")
        ])
        #expect(try decoder.decode(message("a/c", "not json")).isEmpty)
    }

    @Test("payloads that don't match the binding fail with a clear error")
    func errors() throws {
        let decoder = JSONTopicDecoder(bindings: [
            try JSONTopicBinding(
                topicPattern: "t", equipment: "e", metricKey: "k", valuePath: "$.value", timestampPath: "$.ts")
        ])
        #expect(throws: JSONTopicDecodingError.missingValue(topic: "t", path: "$.value")) {
            try decoder.decode(message("t", #"{"other": 1, "ts": 0}"#))
        }
        #expect(throws: JSONTopicDecodingError.notNumeric(topic: "t", path: "$.value", found: "\"high\"")) {
            try decoder.decode(message("t", #"{"value": "high", "ts": 0}"#))
        }
        #expect(throws: JSONTopicDecodingError.notNumeric(topic: "t", path: "$.value", found: "an object")) {
            try decoder.decode(message("t", #"{"value": {"x": 1}, "ts": 0}"#))
        }
        #expect(throws: JSONTopicDecodingError.missingTimestamp(topic: "t", path: "$.ts")) {
            try decoder.decode(message("t", #"{"value": 1}"#))
        }
        #expect(throws: JSONTopicDecodingError.invalidTimestamp(topic: "t", path: "$.ts", found: "\"yesterday\"")) {
            try decoder.decode(message("t", #"{"value": 1, "ts": "yesterday"}"#))
        }
        let invalid = #expect(throws: JSONTopicDecodingError.self) { try decoder.decode(message("t", "{value: 1")) }
        #expect(invalid?.description.hasPrefix("payload on 't' is not valid JSON") == true)
    }

    @Test("malformed paths and patterns are rejected when the binding is made")
    func badBindings() {
        #expect(throws: JSONPath.ParseError(path: "a..b")) { try JSONPath("a..b") }
        #expect(throws: JSONPath.ParseError(path: "a[x]")) { try JSONPath("a[x]") }
        #expect(throws: MQTTTopicFilter.ValidationError.self) {
            try JSONTopicBinding(topicPattern: "a/#/b", equipment: "e", metricKey: "k", valuePath: "v")
        }
    }
}

import Foundation
import MS5JSON
import NIOCore
import Testing

@testable import MS5Realtime

@Suite struct JSONEncodingTests {
    @Test func jsonValueRoundTripsThroughFoundation() throws {
        let value = JSONValue.object([
            "name": .string("quote \" backslash \\ newline \n tab \t bell \u{07} é"),
            "list": .array([.number(1), .number(2.5), .bool(true), .null]),
        ])
        var writer = JSONWriter()
        writer.value(value)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: writer.buffer).utf8))
        #expect(decoded == value)
    }

    @Test func eventMessageIsValidJSON() throws {
        let event = RealtimeEvent(
            type: .state,
            topics: [.plant, .andon],
            time: Date(timeIntervalSince1970: 0),
            publishedAt: Date(timeIntervalSince1970: 0.25),
            payload: .encoded(#"{"state":"running"}"#),
            coalescingKey: "k"
        )
        let message = ServerMessages.event(id: 7, tail: ServerMessages.eventTail(event), key: event.coalescingKey)
        let object = try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: message.text).utf8))
        #expect(
            object
                == .object([
                    "type": .string("event"), "id": .number(7), "event": .string("state"),
                    "topics": .array([.string("plant"), .string("andon")]),
                    "time": .string("1970-01-01T00:00:00.000Z"), "published": .string("1970-01-01T00:00:00.250Z"), "key": .string("k"),
                    "data": .object(["state": .string("running")]),
                ])
        )
    }

    @Test func encodablePayloadIsEncodedOnce() throws {
        struct Reading: Encodable { let metric: String; let value: Double }
        let payload = try RealtimePayload.encoding(Reading(metric: "speed", value: 12.5))
        guard case .encoded(let bytes) = payload else {
            Issue.record("expected pre-encoded bytes")
            return
        }
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: bytes).utf8))
        #expect(decoded == .object(["metric": .string("speed"), "value": .number(12.5)]))
    }

    @Test func relayEnvelopeRoundTrips() throws {
        let id = UUID()
        let envelope = RealtimeRelayEnvelope(
            origin: "a",
            event: RealtimeEvent(
                type: .values,
                topics: [.equipment(id), .line(id)],
                time: Date(timeIntervalSince1970: 1_700_000_000.123),
                publishedAt: Date(timeIntervalSince1970: 1_700_000_002.5),
                payload: .json(.object(["v": .number(3)])),
                coalescingKey: "values:equipment:x:metric:m"
            )
        )
        let decoded = try RealtimeRelayEnvelope(jsonText: envelope.jsonText())
        #expect(decoded.origin == "a")
        #expect(decoded.event.topics == envelope.event.topics)
        #expect(decoded.event.type == .values)
        #expect(decoded.event.coalescingKey == envelope.event.coalescingKey)
        #expect(decoded.event.payload == .json(.object(["v": .number(3)])))
        #expect(abs(decoded.event.time.timeIntervalSince(envelope.event.time)) < 0.001)
        #expect(decoded.event.publishedAt == Date(timeIntervalSince1970: 1_700_000_002.5))
    }
}

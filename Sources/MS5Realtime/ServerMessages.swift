import Foundation
import NIOCore

/// Builds the JSON text of every server → client message (see PROTOCOL.md).
enum ServerMessages {
    /// The part of an event message after its id; built outside the hub's lock.
    static func eventTail(_ event: RealtimeEvent) -> ByteBuffer {
        var writer = JSONWriter()
        writer.raw(",\"event\":")
        writer.string(event.type.rawValue)
        writer.raw(",\"topics\":")
        writer.strings(event.topics.map(\.description))
        writer.raw(",\"time\":")
        writer.string(event.time.formatted(timeStyle))
        writer.raw(",\"published\":")
        writer.string(event.publishedAt.formatted(timeStyle))
        if let key = event.coalescingKey {
            writer.raw(",\"key\":")
            writer.string(key)
        }
        if let position = event.position {
            writer.raw(",\"position\":")
            writer.number(UInt64(max(0, position)))
        }
        writer.raw(",\"data\":")
        event.payload.write(to: &writer)
        writer.raw("}")
        return writer.buffer
    }

    /// `{"type":"event","id":…` followed by the tail.
    static func event(id: UInt64, tail: ByteBuffer, key: String?) -> OutboundMessage {
        var writer = JSONWriter(capacity: tail.readableBytes + 40)
        writer.raw("{\"type\":\"event\",\"id\":")
        writer.number(id)
        writer.raw(bytes: tail)
        return OutboundMessage(text: writer.buffer, key: key)
    }

    static func subscribed(topics: [RealtimeTopic], stream: String, lastID: UInt64, replayed: Int, position: Int64? = nil) -> OutboundMessage {
        var writer = JSONWriter()
        writer.raw("{\"type\":\"subscribed\",\"topics\":")
        writer.strings(topics.map(\.description))
        writer.raw(",\"stream\":")
        writer.string(stream)
        writer.raw(",\"lastId\":")
        writer.number(lastID)
        if let position {
            writer.raw(",\"position\":")
            writer.number(UInt64(max(0, position)))
        }
        writer.raw(",\"replayed\":")
        writer.number(UInt64(replayed))
        writer.raw("}")
        return OutboundMessage(text: writer.buffer, key: nil)
    }

    static func unsubscribed(topics: [RealtimeTopic]) -> OutboundMessage {
        var writer = JSONWriter()
        writer.raw("{\"type\":\"unsubscribed\",\"topics\":")
        writer.strings(topics.map(\.description))
        writer.raw("}")
        return OutboundMessage(text: writer.buffer, key: nil)
    }

    static func resync(reason: String, stream: String, lastID: UInt64, topics: [RealtimeTopic]) -> OutboundMessage {
        var writer = JSONWriter()
        writer.raw("{\"type\":\"resync\",\"reason\":")
        writer.string(reason)
        writer.raw(",\"topics\":")
        writer.strings(topics.map(\.description))
        writer.raw(",\"stream\":")
        writer.string(stream)
        writer.raw(",\"lastId\":")
        writer.number(lastID)
        writer.raw("}")
        return OutboundMessage(text: writer.buffer, key: nil)
    }

    static func error(_ message: String, topic: String? = nil) -> OutboundMessage {
        var writer = JSONWriter()
        writer.raw("{\"type\":\"error\",\"message\":")
        writer.string(message)
        if let topic {
            writer.raw(",\"topic\":")
            writer.string(topic)
        }
        writer.raw("}")
        return OutboundMessage(text: writer.buffer, key: nil)
    }

    static let heartbeat = OutboundMessage(text: ByteBuffer(string: "{\"type\":\"heartbeat\"}"), key: nil)

    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

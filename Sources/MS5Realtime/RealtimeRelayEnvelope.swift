import Foundation
import MS5JSON
import NIOCore

/// An event travelling through a ``RealtimeRelay``, with the instance that published it.
///
/// ``jsonText()`` and ``init(jsonText:)`` give a compact JSON form for text transports
/// such as a PostgreSQL NOTIFY payload.
public struct RealtimeRelayEnvelope: Sendable {
    /// The ``RealtimeHub/instanceID`` of the publishing hub.
    public var origin: String
    /// The event, without id: each hub assigns its own.
    public var event: RealtimeEvent

    /// Wraps an event.
    public init(origin: String, event: RealtimeEvent) {
        self.origin = origin
        self.event = event
    }

    /// The envelope as JSON text: `{"origin":…,"type":…,"topics":[…],"time":<ms since 1970>,"published":<ms>,"key":…,"data":…}`.
    public func jsonText() -> String {
        var writer = JSONWriter()
        writer.raw("{\"origin\":")
        writer.string(origin)
        writer.raw(",\"type\":")
        writer.string(event.type.rawValue)
        writer.raw(",\"topics\":")
        writer.strings(event.topics.map(\.description))
        writer.raw(",\"time\":")
        writer.number((event.time.timeIntervalSince1970 * 1000).rounded())
        writer.raw(",\"published\":")
        writer.number((event.publishedAt.timeIntervalSince1970 * 1000).rounded())
        if let key = event.coalescingKey {
            writer.raw(",\"key\":")
            writer.string(key)
        }
        writer.raw(",\"data\":")
        event.payload.write(to: &writer)
        writer.raw("}")
        return String(buffer: writer.buffer)
    }

    /// Parses the form written by ``jsonText()``.
    public init(jsonText: String) throws {
        let wire = try JSONDecoder().decode(Wire.self, from: Data(jsonText.utf8))
        var topics: [RealtimeTopic] = []
        for topic in wire.topics {
            topics.append(try RealtimeTopic(parsing: topic))
        }
        self.init(
            origin: wire.origin,
            event: RealtimeEvent(
                type: RealtimeEventType(rawValue: wire.type),
                topics: topics,
                time: Date(timeIntervalSince1970: wire.time / 1000),
                publishedAt: Date(timeIntervalSince1970: (wire.published ?? wire.time) / 1000),
                payload: .json(wire.data),
                coalescingKey: wire.key
            )
        )
    }

    private struct Wire: Decodable {
        let origin: String
        let type: String
        let topics: [String]
        let time: Double
        let published: Double?
        let key: String?
        let data: JSONValue
    }
}

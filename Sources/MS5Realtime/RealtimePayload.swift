import Foundation
import MS5JSON
import NIOCore

/// The `data` of an event: either JSON text encoded by the publisher or a ``JSONValue``.
public enum RealtimePayload: Sendable, Hashable {
    /// JSON text, written to clients as is. The publisher guarantees it is one valid JSON value.
    case encoded(ByteBuffer)
    /// A JSON value the hub encodes once per event.
    case json(JSONValue)

    /// Wraps JSON text the caller already encoded.
    public static func encoded(_ text: String) -> RealtimePayload {
        .encoded(ByteBuffer(string: text))
    }

    /// Encodes an `Encodable` value once with `JSONEncoder`.
    public static func encoding(_ value: some Encodable) throws -> RealtimePayload {
        .encoded(ByteBuffer(bytes: try JSONEncoder().encode(value)))
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .encoded(let bytes): writer.raw(bytes: bytes)
        case .json(let value): writer.value(value)
        }
    }
}

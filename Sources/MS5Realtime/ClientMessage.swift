import Foundation

/// A client → server message: `subscribe`, `unsubscribe` or `pong` (see PROTOCOL.md).
struct ClientMessage: Decodable, Sendable {
    /// `subscribe`, `unsubscribe` or `pong`.
    let type: String
    /// The topics of a `subscribe` or `unsubscribe`, in wire form.
    let topics: [String]?
    /// The last event id the client saw, on a `subscribe` that resumes.
    let resumeFrom: UInt64?
    /// The `stream` the client's last id belongs to, from an earlier `subscribed` message.
    let stream: String?
    /// The highest outbox `position` the client processed, on a `subscribe` that resumes by it.
    let afterPosition: Int64?

    /// Decodes one message from JSON text.
    static func decode(_ text: String) throws -> ClientMessage {
        try JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8))
    }
}

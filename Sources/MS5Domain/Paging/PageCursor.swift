import Foundation

/// The position after the last item of a page: its sort key and id, opaque to clients.
public struct PageCursor: Sendable, Equatable {
    /// The sort key of the last item seen (a code or name).
    public let key: String
    /// The id of the last item seen, breaking ties of `key`.
    public let id: UUID

    /// Creates a cursor after the item with `key` and `id`.
    public init(key: String, id: UUID) {
        self.key = key
        self.id = id
    }

    /// Decodes a cursor from its URL-safe form; nil when it is not one.
    public init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              let separator = text.firstIndex(of: "\n"),
              let id = UUID(uuidString: String(text[text.index(after: separator)...]))
        else { return nil }
        self.init(key: String(text[..<separator]), id: id)
    }

    /// The URL-safe text form handed to clients.
    public var encoded: String {
        Data("\(key)\n\(id.uuidString)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
